package io.supplygraph.server.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the UI's templates, compiled to Java at build time (jte): a template that reads a field a view does not
 * have fails the build, not a page. HTML output escapes every value by where it lands (text, attribute, URL).
 */
final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    void render(Context ctx, int status, String template, Chrome chrome, Object model) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, Map.of("chrome", chrome, "model", model), out);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    void render(Context ctx, String template, Chrome chrome, Object model) {
        render(ctx, 200, template, chrome, model);
    }
}
