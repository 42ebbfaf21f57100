'use strict';
// Upload and delete go through the REST API with the write token in an Authorization header: a browser never
// sends that header on its own, so no other site can make these requests (no cookie is involved in writing).
// The token lives in sessionStorage: this tab only, gone when it closes. Every value is set as text, never as HTML.
(function () {
  const KEY = 'supplygraph.writeToken';

  function tokenInput() {
    const input = document.getElementById('token');
    if (input && !input.value) {
      input.value = sessionStorage.getItem(KEY) || '';
    }
    return input;
  }

  function token() {
    const input = tokenInput();
    const value = (input && input.value.trim()) || '';
    if (value) {
      sessionStorage.setItem(KEY, value);
    }
    return value;
  }

  async function reason(response) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || String(response.status);
    } catch (e) {
      return response.status + ' ' + response.statusText;
    }
  }

  function link(href, text) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }

  async function followJob(location, cell) {
    for (let pause = 250; ; pause = Math.min(2000, pause * 2)) {
      const response = await fetch(location, { headers: { 'Authorization': 'Bearer ' + token() } });
      const job = await response.json();
      if (job.state === 'done' || job.state === 'failed') {
        const r = job.result || {};
        cell.textContent = job.state === 'failed' ? 'failed: ' + (r.reason || 'see the server log')
          : 'ingested ' + (r.ingested || 0) + ', already there ' + (r.already_ingested || 0)
            + ', rejected ' + (r.rejected || 0);
        (r.documents || []).filter(d => d.status === 'rejected').forEach(d => {
          const line = document.createElement('div');
          line.className = 'problem';
          line.textContent = d.source + ': ' + d.reason;
          cell.append(line);
        });
        return;
      }
      cell.textContent = 'queued as job ' + job.id + ': ' + job.state + '…';
      await new Promise(resolve => setTimeout(resolve, pause));
    }
  }

  // The application, release and replacement the upload form names, as query parameters; the server checks them
  // (a release without an application is refused with the reason, as ingest refuses it).
  function naming() {
    let query = '';
    const app = document.getElementById('upload-app').value.trim();
    const release = document.getElementById('upload-release').value.trim();
    if (app) {
      query += '&app=' + encodeURIComponent(app);
    }
    if (release) {
      query += '&release=' + encodeURIComponent(release);
    }
    if (document.getElementById('upload-replace').checked) {
      query += '&replace=true';
    }
    return query;
  }

  async function uploadOne(file, cell) {
    const secret = token();
    if (!secret) {
      cell.textContent = 'not sent: enter a write token first';
      return;
    }
    const response = await fetch('/api/v1/documents?name=' + encodeURIComponent(file.name) + naming(), {
      method: 'POST',
      headers: { 'Authorization': 'Bearer ' + secret, 'Content-Type': 'application/octet-stream' },
      body: file
    });
    if (response.status === 201) {
      const outcome = await response.json();
      cell.textContent = 'ingested: ' + outcome.format + ', ' + outcome.components + ' components ';
      cell.append(link('/documents/' + encodeURIComponent(outcome.digest), 'open'));
    } else if (response.status === 200) {
      const outcome = await response.json();
      cell.textContent = 'already ingested ';
      cell.append(link('/documents/' + encodeURIComponent(outcome.digest), 'open'));
    } else if (response.status === 202) {
      await followJob(response.headers.get('Location'), cell);
    } else {
      cell.textContent = 'rejected: ' + await reason(response);
      cell.classList.add('problem');
    }
  }

  function setUpUpload() {
    const drop = document.getElementById('drop');
    if (!drop) {
      return;
    }
    tokenInput();
    const chooser = document.getElementById('files');
    const results = document.getElementById('upload-results');
    const rows = results.querySelector('tbody');
    async function upload(files) {
      for (const file of Array.from(files)) {
        const row = document.createElement('tr');
        const name = document.createElement('td');
        const cell = document.createElement('td');
        name.textContent = file.name;
        cell.textContent = 'uploading…';
        row.append(name, cell);
        rows.append(row);
        results.hidden = false;
        try {
          await uploadOne(file, cell);
        } catch (e) {
          cell.textContent = 'failed: ' + e.message;
        }
      }
    }
    drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', e => {
      e.preventDefault();
      drop.classList.remove('over');
      upload(e.dataTransfer.files);
    });
    drop.addEventListener('keydown', e => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        chooser.click();
      }
    });
    chooser.addEventListener('change', () => upload(chooser.files));
  }

  function setUpDelete() {
    const form = document.getElementById('delete');
    if (!form) {
      return;
    }
    tokenInput();
    const result = document.getElementById('delete-result');
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const digest = form.dataset.digest;
      const secret = token();
      if (!secret) {
        result.textContent = 'Enter a write token first.';
        return;
      }
      if (!window.confirm('Delete ' + digest + ' and every fact only it asserted?')) {
        return;
      }
      const response = await fetch('/api/v1/documents/' + encodeURIComponent(digest), {
        method: 'DELETE',
        headers: { 'Authorization': 'Bearer ' + secret }
      });
      if (response.ok) {
        result.textContent = 'Deleted. ';
        result.append(link('/documents', 'Back to the documents'));
      } else {
        result.textContent = 'Not deleted: ' + await reason(response);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    setUpUpload();
    setUpDelete();
  });
}());
