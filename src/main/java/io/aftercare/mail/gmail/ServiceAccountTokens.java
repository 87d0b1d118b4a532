package io.aftercare.mail.gmail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens of a Google service account with domain-wide delegation, one per user it
 * acts as: a JWT signed with the account's private key is exchanged at the token endpoint
 * (OAuth 2.0 JWT bearer grant, RFC 7523) for a token of about an hour, kept until a
 * minute before it ends. The key is read from the service account's JSON key file; it is
 * never logged.
 */
public class ServiceAccountTokens {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final Duration LIFETIME = Duration.ofHours(1);

	private static final Duration REFRESH_BEFORE = Duration.ofMinutes(1);

	private final String clientEmail;

	private final PrivateKey key;

	private final URI tokenUri;

	private final String scopes;

	private final HttpClient http;

	private final Duration timeout;

	private final Clock clock;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	ServiceAccountTokens(String clientEmail, PrivateKey key, URI tokenUri, List<String> scopes, HttpClient http,
			Duration timeout, Clock clock) {
		this.clientEmail = clientEmail;
		this.key = key;
		this.tokenUri = tokenUri;
		this.scopes = String.join(" ", scopes);
		this.http = http;
		this.timeout = timeout;
		this.clock = clock;
	}

	/**
	 * The service account of a JSON key file as Google issues it ({@code client_email},
	 * {@code private_key}, {@code token_uri}); {@code tokenUri}, when given, replaces the
	 * file's token endpoint.
	 * @throws IllegalArgumentException when the file is missing or is not such a key
	 */
	public static ServiceAccountTokens fromKeyFile(Path keyFile, URI tokenUri, List<String> scopes, HttpClient http,
			Duration timeout, Clock clock) {
		JsonNode key;
		try {
			key = JSON.readTree(Files.readString(keyFile));
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException("The Gmail service account key " + keyFile + " cannot be read", ex);
		}
		String email = key.path("client_email").asString("");
		String pem = key.path("private_key").asString("");
		if (email.isBlank() || pem.isBlank()) {
			throw new IllegalArgumentException("The Gmail service account key " + keyFile
					+ " has no client_email or private_key: is it a service account's JSON key?");
		}
		URI endpoint = (tokenUri != null) ? tokenUri
				: URI.create(key.path("token_uri").asString("https://oauth2.googleapis.com/token"));
		return new ServiceAccountTokens(email, privateKey(pem), endpoint, scopes, http, timeout, clock);
	}

	/** The service account's address, the same for every instance that uses its key. */
	public String clientEmail() {
		return this.clientEmail;
	}

	/**
	 * A token to act as {@code user}, from the cache or fresh from the token endpoint.
	 * @throws GmailException when the endpoint refuses (a permanent problem of the
	 * set-up) or cannot be reached
	 */
	public String accessToken(String user) {
		Token token = this.tokens.get(user);
		Instant now = this.clock.instant();
		if (token == null || !now.isBefore(token.expiresAt().minus(REFRESH_BEFORE))) {
			token = fetch(user, now);
			this.tokens.put(user, token);
		}
		return token.value();
	}

	/** Forgets the token of {@code user}: the API said it is no longer valid. */
	public void forget(String user) {
		this.tokens.remove(user);
	}

	private Token fetch(String user, Instant now) {
		String form = "grant_type="
				+ URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
				+ "&assertion=" + URLEncoder.encode(assertion(user, now), StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(this.tokenUri)
			.timeout(this.timeout)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response;
		try {
			response = GmailClient.exchange(this.http, request, false);
		}
		catch (GmailException ex) {
			throw new GmailException(0, GmailException.TOKEN_ENDPOINT, ex.getMessage(), false, ex);
		}
		if (response.statusCode() != 200) {
			JsonNode error = GmailClient.json(response.body());
			String reason = error.path("error").asString("") + " " + error.path("error_description").asString("");
			throw new GmailException(
					response.statusCode(), GmailException.TOKEN_ENDPOINT, "The token endpoint refused a token for "
							+ user + ": " + (reason.isBlank() ? "HTTP " + response.statusCode() : reason.strip()),
					false, null);
		}
		JsonNode body = GmailClient.json(response.body());
		String value = body.path("access_token").asString("");
		if (value.isBlank()) {
			throw new GmailException(502, GmailException.TOKEN_ENDPOINT,
					"The token endpoint answered without an access token", false, null);
		}
		long seconds = body.path("expires_in").asLong(LIFETIME.toSeconds());
		return new Token(value, now.plusSeconds(seconds));
	}

	/** The signed JWT: this account, acting as {@code user}, asks for the scopes. */
	String assertion(String user, Instant now) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", this.clientEmail);
		claims.put("sub", user);
		claims.put("scope", this.scopes);
		claims.put("aud", this.tokenUri.toString());
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.plus(LIFETIME).getEpochSecond());
		String signed = encode(Map.of("alg", "RS256", "typ", "JWT")) + "." + encode(claims);
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(this.key);
			signature.update(signed.getBytes(StandardCharsets.US_ASCII));
			return signed + "." + BASE64URL.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The service account key cannot sign", ex);
		}
	}

	private static String encode(Map<String, Object> json) {
		return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
	}

	private static PrivateKey privateKey(String pem) {
		String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
			.replace("-----END PRIVATE KEY-----", "")
			.replaceAll("\\s", "");
		try {
			return KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("The service account's private_key is not a PKCS #8 RSA key", ex);
		}
	}

	private record Token(String value, Instant expiresAt) {

		@Override
		public String toString() {
			return "Token[expires " + this.expiresAt + "]";
		}

	}

}
