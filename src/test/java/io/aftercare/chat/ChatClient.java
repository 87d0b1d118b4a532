package io.aftercare.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat as a browser uses it, without the browser: signs in through the form, keeps
 * the session cookie, and sends the CSRF token and the {@code HX-Request} header on every
 * form post, as htmx does.
 */
public final class ChatClient {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern PAGE_TOKEN = Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"");

	private final HttpClient client;

	private final String base;

	private String csrf;

	private ChatClient(int port) {
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.base = "http://localhost:" + port;
	}

	/** A session of the user, signed in through the sign-in form. */
	public static ChatClient signIn(int port, String user, String password) {
		ChatClient chat = new ChatClient(port);
		String form = chat.send(HttpRequest.newBuilder(URI.create(chat.base + "/login")).GET()).body();
		Matcher token = FORM_TOKEN.matcher(form);
		assertThat(token.find()).as("CSRF token on the sign-in form").isTrue();
		HttpResponse<String> signedIn = chat.send(HttpRequest.newBuilder(URI.create(chat.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(encode(Map.of("username", user, "password", password, "_csrf", token.group(1))))));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/chat");
		HttpResponse<String> page = chat.get("/chat");
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher pageToken = PAGE_TOKEN.matcher(page.body());
		assertThat(pageToken.find()).as("CSRF token on the chat page").isTrue();
		chat.csrf = pageToken.group(1);
		return chat;
	}

	/**
	 * From now on, a browser in the time zone {@code zone}: the cookie the pages' script
	 * writes ({@code -/America/Denver}).
	 */
	public ChatClient inZone(String zone) {
		HttpCookie cookie = new HttpCookie("aftercare_zone", "-/" + zone);
		cookie.setPath("/");
		cookie.setVersion(0);
		((CookieManager) this.client.cookieHandler().orElseThrow()).getCookieStore().add(URI.create(this.base), cookie);
		return this;
	}

	public HttpResponse<String> get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).header("HX-Request", "true").GET());
	}

	/** Posts the fields, encoded as a browser encodes a form. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		return postEncoded(path, encode(fields));
	}

	/**
	 * Posts a form body exactly as given, for input that a browser would never send.
	 */
	public HttpResponse<String> postEncoded(String path, String formBody) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("HX-Request", "true")
			.header("X-CSRF-TOKEN", this.csrf)
			.POST(HttpRequest.BodyPublishers.ofString(formBody)));
	}

	/**
	 * Posts the chat page's form as a browser does before htmx has loaded: a plain form
	 * post with the form's own CSRF field, no {@code HX-Request}.
	 */
	public HttpResponse<String> submitWithoutScript(String path, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put("_csrf", this.csrf);
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(withToken))));
	}

	/** Says something in the chat, as typing it and pressing Send message does. */
	public HttpResponse<String> say(String text) {
		return post("/chat/messages", Map.of("text", text));
	}

	public static String encode(Map<String, String> fields) {
		return new LinkedHashMap<>(fields).entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
