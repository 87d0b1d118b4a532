package io.aftercare.chat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The chat as a browser without JavaScript uses it: signed in through the form, with the
 * session cookie and the CSRF token htmx would send. For tests that need many requests at
 * once or byte-exact bodies, where a real browser would be slow or in the way.
 */
public final class ChatSession {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

	private final HttpClient http;

	private final String base;

	private final String csrf;

	private ChatSession(HttpClient http, String base, String csrf) {
		this.http = http;
		this.base = base;
		this.csrf = csrf;
	}

	/** Signs in on the form and opens the chat page. */
	public static ChatSession signIn(int port, String username, String password)
			throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		String base = "http://localhost:" + port;
		String loginPage = http
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		HttpResponse<String> chat = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(Map.of("username", username, "password", password, "_csrf", find(CSRF_INPUT, loginPage))))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (!chat.uri().getPath().equals("/chat")) {
			throw new IllegalStateException("sign-in as " + username + " failed: landed on " + chat.uri());
		}
		return new ChatSession(http, base, find(CSRF_META, chat.body()));
	}

	/**
	 * The same browser (cookies, CSRF token) talking to another instance on this host, as
	 * behind a load balancer.
	 */
	public ChatSession on(int port) {
		return new ChatSession(this.http, "http://localhost:" + port, this.csrf);
	}

	/** Posts a form as htmx does, with the CSRF token in its header. */
	public HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("HX-Request", "true")
			.header("X-CSRF-TOKEN", this.csrf)
			.POST(form(fields))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path)).header("HX-Request", "true").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
		return HttpRequest.BodyPublishers.ofString(fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")));
	}

	private static String find(Pattern pattern, String page) {
		Matcher matcher = pattern.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token in the page");
		}
		return matcher.group(1);
	}

}
