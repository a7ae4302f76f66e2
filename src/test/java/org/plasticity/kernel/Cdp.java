package org.plasticity.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium (Debian's {@code chromium}) driven over the Chrome DevTools Protocol from Java
 * (the JDK's HTTP client and WebSocket; no browser-automation library): navigate, evaluate
 * JavaScript in the page, click, take screenshots. One page per browser.
 */
final class Cdp implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Process browser;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();

    private Cdp(Process browser, Path profile, WebSocket socket) {
        this.browser = browser;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts headless Chromium with a page of {@code width} × {@code height} CSS pixels. */
    static Cdp launch(Path workDir, int width, int height) throws Exception {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile, "about:blank"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("Chromium gave no DevTools port; see " + workDir.resolve("chromium.log"));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        String pageWs = null;
        while (pageWs == null) {
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (JsonElement e : JsonParser.parseString(list).getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                if ("page".equals(o.get("type").getAsString())) {
                    pageWs = o.get("webSocketDebuggerUrl").getAsString();
                }
            }
            if (pageWs == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Chromium shows no page target: " + list);
                }
                Thread.sleep(100);
            }
        }
        Cdp[] self = new Cdp[1];
        StringBuilder partial = new StringBuilder();
        WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create(pageWs), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            JsonObject msg = JsonParser.parseString(partial.toString()).getAsJsonObject();
                            partial.setLength(0);
                            if (msg.has("id") && self[0] != null) {
                                CompletableFuture<JsonObject> f = self[0].pending.remove(msg.get("id").getAsInt());
                                if (f != null) {
                                    f.complete(msg);
                                }
                            }
                        }
                        w.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        Cdp cdp = new Cdp(p, profile, ws);
        self[0] = cdp;
        cdp.call("Page.enable", new JsonObject());
        JsonObject metrics = KernelHarness.json("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false);
        cdp.call("Emulation.setDeviceMetricsOverride", metrics);
        return cdp;
    }

    /** Sends one command and waits for its result. */
    JsonObject call(String method, JsonObject params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        pending.put(id, f);
        JsonObject msg = KernelHarness.json("id", id, "method", method, "params", params);
        synchronized (socket) {
            socket.sendText(msg.toString(), true).get(30, TimeUnit.SECONDS);
        }
        JsonObject reply = f.get(120, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + ": " + reply.get("error"));
        }
        return reply.getAsJsonObject("result");
    }

    /** Opens {@code url} in the page. */
    void navigate(String url) throws Exception {
        call("Page.navigate", KernelHarness.json("url", url));
    }

    /** The value of a JavaScript expression in the page (promises awaited), or JSON null. */
    JsonElement eval(String expression) throws Exception {
        JsonObject r = call("Runtime.evaluate", KernelHarness.json("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + expression + "\n" + r.get("exceptionDetails"));
        }
        JsonObject result = r.getAsJsonObject("result");
        return result.has("value") ? result.get("value") : com.google.gson.JsonNull.INSTANCE;
    }

    /** Waits until {@code condition} (a JavaScript expression) is true; returns false on timeout. */
    boolean waitFor(String condition, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            JsonElement v = eval("(() => { try { return !!(" + condition + "); } catch (e) { return false; } })()");
            if (v.isJsonPrimitive() && v.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** A PNG screenshot of the page's viewport, written to {@code file}. */
    void screenshot(Path file) throws Exception {
        JsonObject r = call("Page.captureScreenshot", KernelHarness.json("format", "png"));
        Files.write(file, Base64.getDecoder().decode(r.get("data").getAsString()));
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        } catch (RuntimeException e) {
            // the browser may be gone already
        }
        browser.descendants().forEach(ProcessHandle::destroy);
        browser.destroy();
        try {
            if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                browser.descendants().forEach(ProcessHandle::destroyForcibly);
                browser.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        org.plasticity.io.FileTrees.deleteTree(profile);
    }
}
