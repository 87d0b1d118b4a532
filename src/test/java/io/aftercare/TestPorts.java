package io.aftercare;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts on a port it must know before they run (a mail server
 * the application is configured for, then stopped and started again on the same port; an
 * application in a JVM of its own, which binds seconds after the port was chosen). Not a
 * port the system hands out for {@code 0}: those come from the ephemeral range, where any
 * outgoing connection of the test JVM (a database's, an HTTP client's) may take the port
 * between the choice and the server's bind, as a CI run saw ("Address already in use" for
 * GreenMail's IMAP). These lie below Linux's ephemeral range (32768 and up).
 */
public final class TestPorts {

	private static final int LOWEST = 20_000;

	private static final int BELOW_EPHEMERAL = 32_768;

	private TestPorts() {
	}

	/** A port free now, on loopback, that no outgoing connection will be given. */
	public static int free() {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL);
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				return port;
			}
			catch (IOException taken) {
				// Try another.
			}
		}
		throw new IllegalStateException("No free port between " + LOWEST + " and " + BELOW_EPHEMERAL);
	}

}
