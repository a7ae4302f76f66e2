package org.plasticity.notebook;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * The JJava adapter, installed by the kernel through
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension} when our jar is on
 * {@code JJAVA_CLASSPATH} or added with {@code %maven}: registers one render function per
 * {@link MimeRenderer} type and runs the {@link DefaultImports}.
 */
public final class JJavaExtension implements Extension {

    @Override
    public void install(BaseKernel kernel) {
        registerRenderers(kernel.getRenderer());
        for (String line : DefaultImports.lines()) {
            kernel.eval(line);
        }
    }

    /**
     * Registers the project's render functions with a JJava renderer.
     *
     * @param renderer the kernel's renderer
     */
    public static void registerRenderers(Renderer renderer) {
        for (MimeRenderer.Entry entry : MimeRenderer.types()) {
            register(renderer, entry.type(), entry);
        }
    }

    private static <T> void register(Renderer renderer, Class<T> type, MimeRenderer.Entry entry) {
        MIMEType[] preferred = entry.mimeTypes().stream().filter(m -> !m.equals(MimeBundle.SVG))
                .map(MIMEType::parse).toArray(MIMEType[]::new);
        Renderer.RenderRegistration<T> reg = renderer.createRegistration(type).preferring(preferred);
        if (entry.mimeTypes().contains(MimeBundle.SVG)) {
            reg.supporting(MIMEType.IMAGE_SVG);
        }
        reg.register((obj, ctx) -> render(entry, obj, ctx));
    }

    private static void render(MimeRenderer.Entry entry, Object obj, RenderContext ctx) {
        MimeBundle bundle = entry.render().apply(obj);
        bundle.data().forEach((mime, value) -> ctx.renderIfRequested(MIMEType.parse(mime), () -> value));
    }

    @Override
    public String toString() {
        return "JJavaExtension" + MimeRenderer.types();
    }
}
