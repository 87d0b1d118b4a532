package io.aftercare.mail.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server (RFC 5321) that answers one conversation at a time as told: what it
 * replies to RCPT TO and to the end of the data, or that it drops the connection once the
 * data is in, as a server that crashed after accepting it would. For the answers a real
 * mail server gives rarely and on its own terms; GreenMail is the real server elsewhere.
 */
final class ScriptedSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final Thread thread;

	private volatile String rcptReply = "250 2.1.5 Ok";

	private volatile String dataReply = "250 2.0.0 Ok: queued as 4F1D2";

	private volatile boolean dropAfterData;

	ScriptedSmtpServer() throws IOException {
		this.socket = new ServerSocket(0);
		this.thread = new Thread(this::serve, "scripted-smtp");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	int port() {
		return this.socket.getLocalPort();
	}

	ScriptedSmtpServer refusingRecipients(String reply) {
		this.rcptReply = reply;
		return this;
	}

	ScriptedSmtpServer answeringData(String reply) {
		this.dataReply = reply;
		return this;
	}

	ScriptedSmtpServer droppingAfterData() {
		this.dropAfterData = true;
		return this;
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try (Socket client = this.socket.accept()) {
				converse(client);
			}
			catch (IOException ex) {
				// The client or the test went away.
			}
		}
	}

	private void converse(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
		OutputStream out = client.getOutputStream();
		reply(out, "220 scripted.test ESMTP");
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			String command = line.toUpperCase();
			if (command.startsWith("EHLO") || command.startsWith("HELO")) {
				reply(out, "250 scripted.test");
			}
			else if (command.startsWith("MAIL FROM")) {
				reply(out, "250 2.1.0 Ok");
			}
			else if (command.startsWith("RCPT TO")) {
				reply(out, this.rcptReply);
			}
			else if (command.equals("DATA")) {
				reply(out, "354 End data with <CR><LF>.<CR><LF>");
				for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
					// The message: read and forgotten.
				}
				if (this.dropAfterData) {
					return;
				}
				reply(out, this.dataReply);
			}
			else if (command.equals("QUIT")) {
				reply(out, "221 2.0.0 Bye");
				return;
			}
			else {
				reply(out, "250 Ok");
			}
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
