'use strict';
// Draws the path page's graph from its own tables (the tables are the fallback and the data), with cytoscape's
// breadth-first layout: the application on top, each hop one level down. Clicking a node opens its page.
(function () {
  const SEVERITY = { critical: '#b00020', high: '#e8590c', medium: '#f08c00', low: '#2f9e44', none: null };

  function draw() {
    const container = document.getElementById('path-graph');
    if (!container || typeof cytoscape !== 'function') {
      return;
    }
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    const elements = [];
    document.querySelectorAll('#path-nodes tbody tr').forEach(row => {
      elements.push({ data: { id: row.dataset.node, label: row.dataset.node, kind: row.dataset.kind,
        severity: row.dataset.severity, href: row.dataset.href } });
    });
    document.querySelectorAll('#path-hops tbody tr').forEach((row, i) => {
      elements.push({ data: { id: 'e' + i, source: row.dataset.from, target: row.dataset.to, label: row.dataset.edge } });
    });
    const roots = elements.filter(e => !e.data.source).slice(0, 1).map(e => e.data.id);
    const cy = cytoscape({
      container: container,
      elements: elements,
      style: [
        { selector: 'node', style: {
          'label': 'data(label)', 'font-size': 11, 'text-wrap': 'ellipsis', 'text-max-width': 420,
          'text-valign': 'bottom', 'text-margin-y': 6, 'color': dark ? '#e9ecef' : '#212529',
          'background-color': '#4263eb', 'width': 22, 'height': 22 } },
        { selector: 'node[kind = "document"]', style: { 'shape': 'round-rectangle', 'background-color': '#7048e8' } },
        { selector: 'node[kind = "artifact"]', style: { 'shape': 'diamond', 'background-color': '#868e96' } },
        ...Object.entries(SEVERITY).filter(([, colour]) => colour).map(([name, colour]) => ({
          selector: 'node[severity = "' + name + '"]', style: { 'background-color': colour, 'border-width': 3,
            'border-color': dark ? '#fff' : '#000' } })),
        { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'width': 2,
          'line-color': '#adb5bd', 'target-arrow-color': '#adb5bd', 'label': 'data(label)', 'font-size': 9,
          'color': dark ? '#ced4da' : '#495057' } }
      ],
      layout: { name: 'breadthfirst', directed: true, roots: roots, spacingFactor: 1.1 }
    });
    cy.on('tap', 'node', e => { window.location.href = e.target.data('href'); });
    container.dataset.nodes = String(cy.nodes().length);
  }

  document.addEventListener('DOMContentLoaded', draw);
}());
