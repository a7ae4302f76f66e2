package org.plasticity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The handshake of {@link PeerProcess} with the peers' shared serve loop ({@code src/bench/python/peer_serve.py}),
 * through a peer whose unit of work is a counter (no PyTorch needed): the ready line, rounds of at least the
 * minimum units, the closing line; and every PyTorch peer imports that loop from its own folder.
 */
class PeerServeTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path PEERS = Path.of("src/bench/python");

    private static final String COUNTER_PEER = String.join("\n",
            "import sys",
            "sys.path.insert(0, '" + PEERS + "')",  // where a peer script finds it: its own folder
            "from peer_serve import serve",
            "count = [0]",
            "def unit():",
            "    count[0] += 1",
            "serve({'torch': 'none', 'blas': '?'}, unit, 3,",
            "      lambda n, dt, best: {'batches': n, 'seconds': dt, 'samples_per_s': n / dt, 'min_batch_seconds': best},",
            "      lambda: {'done': True, 'units': count[0]})");

    @Test
    void aPeerAnswersRoundsAndClosesThroughTheSharedLoop() {
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
        PeerProcess peer = new PeerProcess(List.of(PYTHON.toString(), "-c", COUNTER_PEER), 1);
        try (peer) {
            assertEquals("none", PeerProcess.string(peer.readyLine(), "torch"));
            assertEquals(3, PeerProcess.number(peer.run(0), "batches"), 0, "a round runs at least the minimum units");
            String round = peer.run(0.05);
            assertTrue(PeerProcess.number(round, "seconds") >= 0.05, round);
            assertTrue(PeerProcess.number(round, "batches") >= 3, round);
        }
        assertTrue(peer.transcript().contains("\"done\": true"), peer.transcript());
    }

    @Test
    void everyPeerImportsTheSharedLoopFromItsOwnFolder() throws IOException {
        assertTrue(Files.exists(PEERS.resolve("peer_serve.py")));
        for (String peer : List.of("ep_mnist_peer.py", "gle_peer.py", "localca_peer.py")) {
            String code = Files.readString(PEERS.resolve(peer));
            assertTrue(code.contains("from peer_serve import serve, timed"), peer);
            assertTrue(code.contains("serve(") && !code.contains("for line in sys.stdin"), peer + " has its own serve loop");
        }
    }
}
