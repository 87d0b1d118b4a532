package io.aftercare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests exactly as written, for input that a friendlier client would encode or refuse
 * to send: the path and query go out byte for byte, bodies as given. Signs in with HTTP
 * Basic as a demo user (password {@code demo}) when a user is named.
 */
public final class RawHttp {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	public HttpRequest.Builder request(String pathAndQuery, String user) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(30));
		if (user != null) {
			builder.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		return builder;
	}

	public HttpResponse<String> get(String pathAndQuery, String user) {
		return send(request(pathAndQuery, user).GET());
	}

	public HttpResponse<String> json(String method, String path, String user, String body) {
		return send(request(path, user).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Asserts an RFC 9457 problem detail with the status, in UTF-8, with a title and a
	 * detail.
	 */
	public static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode())
			.as(response.request().method() + " " + response.uri() + ": " + response.body())
			.isEqualTo(status);
		MediaType type = contentType(response);
		assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(response.uri() + " " + type).isTrue();
		assertThat(type.getCharset()).as("charset").isIn(null, StandardCharsets.UTF_8);
		assertThat(response.body()).contains("\"status\":" + status).contains("\"title\":").contains("\"detail\":");
	}

	public static MediaType contentType(HttpResponse<?> response) {
		return MediaType
			.parseMediaType(response.headers().firstValue("Content-Type").orElse("application/octet-stream"));
	}

}
