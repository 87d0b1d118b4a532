package io.aftercare.followup.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API of a {@link ChildApp}, as a script would call it.
 */
final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String authorization;

	Api(int port, String user, String password) {
		this.base = "http://localhost:" + port;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** An answer: its status and its body, read as JSON when it is JSON. */
	record Answer(int status, JsonNode body) {

		JsonNode ok() {
			if (this.status / 100 != 2) {
				throw new IllegalStateException("expected a 2xx answer, got " + this.status + ": " + this.body);
			}
			return this.body;
		}

	}

	Answer get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	Answer post(String path, Object body) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	Answer post(String path) throws IOException, InterruptedException {
		return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
	}

	Answer patch(String path, Object body) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	Answer postNdjson(String path, String lines) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString(lines)));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", this.authorization)
			.timeout(Duration.ofSeconds(60));
	}

	private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		String body = response.body();
		JsonNode json = (body.startsWith("{") || body.startsWith("[")) ? JSON.readTree(body) : null;
		return new Answer(response.statusCode(), json);
	}

}
