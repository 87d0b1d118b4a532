package io.aftercare;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.chat.ChatClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends bad input into every door the application has and checks that none answers 5xx.
 * The API's operations, parameters and body fields are read from the served OpenAPI
 * description: each parameter and each body field (nested ones included) gets NUL and
 * control characters, line breaks, invisible format characters, lone surrogates, very
 * long strings, huge, negative and fractional numbers, out-of-range times, unknown enum
 * values, wrong types and deep nesting, one at a time with every other value valid; each
 * body gets whole-body mutations (malformed JSON, wrong top-level type, deep nesting,
 * invalid UTF-8, a wrong content type). Every 4xx must be an RFC 9457 problem detail in
 * UTF-8 that does not leak internals. The chat's forms get the same treatment, through a
 * signed-in session with its CSRF token, and must answer readable HTML (or a problem
 * detail, which the chat shows as text). Every failing case is listed in one assertion.
 * <p>
 * Runs on its own database: it edits, approves and creates records freely.
 */
@AftercareIntegrationTest
@Import(BadInputSweepIntegrationTests.QuickPasswords.class)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-sweep;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.mail.outbox=target/sweep-outbox" })
class BadInputSweepIntegrationTests {

	private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

	private static final String HOLE = "@@sweep@@";

	private static final List<String> LEAKS = List.of(".java", "Exception", "tools.jackson", "org.springframework",
			"org.h2", "org.postgresql", "SQLState", "`");

	private static final Pattern FOLLOW_UP = Pattern.compile("data-followup=\"(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	/**
	 * The cases of one operation go four at a time: they are independent of each other,
	 * and one by one the sweep waits mostly on round trips.
	 */
	private final ExecutorService senders = Executors.newFixedThreadPool(4);

	private final List<Future<?>> inFlight = new ArrayList<>();

	private final AtomicInteger sent = new AtomicInteger();

	private final AtomicInteger users = new AtomicInteger();

	private RawHttp http;

	private long customer;

	private long ticket;

	private long followUp;

	private long reminder;

	@BeforeEach
	void demoDataToAimAt() {
		this.http = new RawHttp(this.port);
		this.customer = this.jdbc.sql("select id from customers where name = 'TechFlow'").query(Long.class).single();
		this.ticket = this.jdbc.sql("select id from tickets where ticket_number = 'TF-2024-0847'")
			.query(Long.class)
			.single();
		HttpResponse<String> followUp = this.http.json("POST", "/api/customers/" + this.customer + "/ticket-followup",
				"sam", "{\"ticketNumber\":\"TF-2024-0847\"}");
		assertThat(followUp.statusCode()).as(followUp.body()).isIn(200, 201);
		this.followUp = this.json.readTree(followUp.body()).get("id").asLong();
		HttpResponse<String> reminder = this.http.json("POST", "/api/followups/" + this.followUp + "/reminders", "sam",
				"{\"inDays\":3,\"note\":\"Sweep\"}");
		assertThat(reminder.statusCode()).as(reminder.body()).isEqualTo(201);
		this.reminder = this.json.readTree(reminder.body()).get("id").asLong();
	}

	@Test
	void everyApiOperationAnswersBadInputWithAProblemDetailAndNever5xx() {
		long started = System.nanoTime();
		JsonNode description = this.json.readTree(this.http.get("/v3/api-docs", null).body());
		List<Operation> operations = new ArrayList<>();
		description.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			String method = operation.getKey().toUpperCase(Locale.ROOT);
			if (METHODS.contains(method)) {
				operations.add(new Operation(method, path.getKey(), operation.getValue()));
			}
		}));
		// Data first: contacts, scores and tickets name the customer fed in before them.
		operations.sort((a, b) -> Integer.compare(order(a.path()), order(b.path())));
		Map<String, Integer> casesPerOperation = new LinkedHashMap<>();
		List<Integer> casesPerOperationWithInput = new ArrayList<>();
		for (Operation operation : operations) {
			int before = this.sent.get();
			long began = System.nanoTime();
			sweep(operation, description);
			awaitChecks();
			casesPerOperation.put(operation.method() + " " + operation.path() + " ("
					+ (System.nanoTime() - began) / 1_000_000 + " ms)", this.sent.get() - before);
			if (operation.spec().has("parameters") || operation.spec().has("requestBody")) {
				casesPerOperationWithInput.add(this.sent.get() - before);
			}
		}
		report("API", casesPerOperation, started);
		assertThat(operations).as("operations in the API description").hasSizeGreaterThanOrEqualTo(19);
		assertThat(casesPerOperationWithInput).as("cases per operation that takes input")
			.allSatisfy((cases) -> assertThat(cases).isGreaterThan(5));
		assertThat(this.failures)
			.as(this.failures.size() + " bad-input cases failed:\n" + String.join("\n", this.failures))
			.isEmpty();
	}

	@Test
	void everyChatFormAnswersBadInputReadablyAndNever5xx() {
		long started = System.nanoTime();
		ChatClient chat = ChatClient.signIn(this.port, "sam", "demo");
		Matcher card = FOLLOW_UP.matcher(chat.say("Follow up with TechFlow on ticket TF-2024-0847").body());
		assertThat(card.find()).isTrue();
		long chatFollowUp = Long.parseLong(card.group(1));
		Map<String, Integer> casesPerForm = new LinkedHashMap<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (isChat(method)) {
				for (String pattern : info.getPatternValues()) {
					int before = this.sent.get();
					sweepChat(chat, info, method, pattern, chatFollowUp);
					if (this.sent.get() > before) {
						casesPerForm.put(methods(info) + " " + pattern, this.sent.get() - before);
					}
				}
			}
		});
		int before = this.sent.get();
		sweepSignIn();
		casesPerForm.put("POST /login", this.sent.get() - before);
		report("chat", casesPerForm, started);
		assertThat(casesPerForm).as("chat forms swept")
			.containsKeys("POST /chat/messages", "POST /chat/followups/{id}/edit",
					"POST /chat/followups/{id}/reminders", "POST /chat/followups/{id}/send");
		assertThat(this.failures)
			.as(this.failures.size() + " bad-input cases failed:\n" + String.join("\n", this.failures))
			.isEmpty();
	}

	// The API

	private void sweep(Operation operation, JsonNode description) {
		String user = (operation.path().startsWith("/api/ingest/") || operation.path().startsWith("/api/admin/"))
				? "admin" : "sam";
		List<JsonNode> parameters = new ArrayList<>();
		operation.spec().path("parameters").forEach(parameters::add);
		JsonNode bodySchema = resolve(description,
				operation.spec().path("requestBody").path("content").path("application/json").path("schema"));
		JsonNode body = bodySchema.isMissingNode() ? null : valid(description, bodySchema, "", 0);
		if (body != null && operation.path().startsWith("/api/ingest/")) {
			// The valid record must land, so that every bad value below goes as deep as
			// a good one would.
			HttpResponse<String> landed = send(operation, user, validPath(operation.path()), "", body.toString());
			assertThat(landed.statusCode()).as(operation + " " + body + ": " + landed.body()).isEqualTo(200);
			assertThat(landed.body()).as(operation + ": " + landed.body()).contains("\"rejected\":0");
		}
		for (JsonNode parameter : parameters) {
			String name = parameter.get("name").asString();
			Kind kind = kind(description, parameter.path("schema"));
			for (String value : Values.parameter(kind)) {
				boolean inPath = parameter.path("in").asString().equals("path");
				String path = inPath ? operation.path().replace("{" + name + "}", value) : validPath(operation.path());
				String query = inPath ? "" : "?" + name + "=" + value;
				check(operation + " " + name + "=" + shown(value), user,
						() -> send(operation, user, path, query, (body != null) ? body.toString() : null));
			}
		}
		if (body == null) {
			return;
		}
		boolean ingestion = operation.path().startsWith("/api/ingest/");
		Map<String, String> records = new LinkedHashMap<>();
		for (Field field : fields(description, bodySchema, new ArrayList<>(), 0)) {
			for (String value : Values.body(field.kind())) {
				String label = operation + " " + field + "=" + shown(value);
				if (ingestion) {
					// One record per case, many records per request: the report says what
					// became of each.
					records.put(label, fill(body.get(0), field.path().subList(1, field.path().size()), value));
				}
				else {
					String filled = fill(body, field.path(), value);
					check(label, user, () -> send(operation, user, validPath(operation.path()), "", filled));
				}
			}
		}
		List<Map.Entry<String, String>> cases = new ArrayList<>(records.entrySet());
		for (int from = 0; from < cases.size(); from += 100) {
			ingestBatch(operation, user, cases.subList(from, Math.min(cases.size(), from + 100)));
		}
		for (Map.Entry<String, byte[]> whole : Values.wholeBodies(body.toString()).entrySet()) {
			check(operation + " body " + whole.getKey(), user,
					() -> this.http.send(this.http.request(validPath(operation.path()), user)
						.header("Content-Type", "application/json")
						.method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(whole.getValue()))));
		}
		for (Map.Entry<String, String> type : Map
			.of("text/plain", body.toString(), "application/x-www-form-urlencoded", "a=b", "application/xml", "<a/>",
					"application/json;charset=UTF-16", body.toString())
			.entrySet()) {
			check(operation + " as " + type.getKey(), user,
					() -> this.http.send(this.http.request(validPath(operation.path()), user)
						.header("Content-Type", type.getKey())
						.method(operation.method(), HttpRequest.BodyPublishers.ofString(type.getValue()))));
		}
		if (operation.path().startsWith("/api/ingest/")) {
			for (Map.Entry<String, byte[]> lines : Values.ndjsonBodies(body.get(0).toString()).entrySet()) {
				check(operation + " ndjson " + lines.getKey(), user,
						() -> this.http.send(this.http.request(operation.path(), user)
							.header("Content-Type", "application/x-ndjson")
							.POST(HttpRequest.BodyPublishers.ofByteArray(lines.getValue()))));
			}
		}
	}

	/**
	 * Sends the records as one array and checks the report of each. When the batch as a
	 * whole is refused (a value that breaks the body, such as a number too long to read),
	 * each half is sent on its own, down to the single record.
	 */
	private void ingestBatch(Operation operation, String user, List<Map.Entry<String, String>> cases) {
		String batch = "[" + String.join(",", cases.stream().map(Map.Entry::getValue).toList()) + "]";
		HttpResponse<String> response = send(operation, user, operation.path(), "", batch);
		if (cases.size() == 1) {
			expectProblem(cases.get(0).getKey(), user, response);
			if (response.statusCode() != 200) {
				return;
			}
		}
		JsonNode report = (response.statusCode() == 200) ? this.json.readTree(response.body()) : null;
		if (report == null || report.path("records").size() != cases.size()) {
			if (cases.size() == 1) {
				fail(cases.get(0).getKey(), response, "has no report of the record");
				return;
			}
			ingestBatch(operation, user, cases.subList(0, cases.size() / 2));
			ingestBatch(operation, user, cases.subList(cases.size() / 2, cases.size()));
			return;
		}
		if (cases.size() > 1) {
			this.sent.addAndGet(cases.size());
		}
		for (JsonNode record : report.path("records")) {
			String reason = record.path("reason").asString("");
			for (String leak : LEAKS) {
				if (reason.contains(leak)) {
					this.failures.add(cases.get(record.path("index").asInt()).getKey() + " -> the reason leaks '" + leak
							+ "': " + reason);
				}
			}
		}
	}

	private HttpResponse<String> send(Operation operation, String user, String path, String query, String body) {
		HttpRequest.Builder request = this.http.request(path + query, user);
		if (body != null) {
			String unique = body.replace("sweep-user", "sweep-" + this.users.incrementAndGet());
			request.header("Content-Type", "application/json")
				.method(operation.method(), HttpRequest.BodyPublishers.ofString(unique, StandardCharsets.UTF_8));
		}
		else {
			request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request);
	}

	private String validPath(String path) {
		long id = path.startsWith("/api/customers/") ? this.customer
				: path.startsWith("/api/reminders/") ? this.reminder : this.followUp;
		return path.replace("{id}", String.valueOf(id)).replace("{username}", "sam");
	}

	/** A valid value for the schema: its example, else a plausible one. */
	private JsonNode valid(JsonNode description, JsonNode schema, String name, int depth) {
		JsonNode resolved = resolve(description, schema);
		Kind kind = kind(description, resolved);
		String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		String known = switch (name) {
			case "ticketNumber" -> "TF-2024-0847";
			case "dueAt" -> Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
			case "customerSource", "source" -> "zendesk";
			case "customerExternalId" -> "org-1";
			case "owner" -> "sam";
			case "username" -> "sweep-user";
			case "password" -> "a long password";
			case "email" -> "dana@techflow.example";
			case "status" -> "SOLVED";
			default -> null;
		};
		if (name.equals("ticketId")) {
			return this.json.getNodeFactory().numberNode(this.ticket);
		}
		if (name.equals("level") || name.equals("contentVersion") || name.equals("inDays")) {
			return this.json.getNodeFactory().nullNode();
		}
		if (name.equals("requester")) {
			return this.json.createObjectNode().put("source", "zendesk").put("externalId", "user-7");
		}
		if (name.equals("customer") && kind == Kind.OBJECT) {
			return this.json.createObjectNode().put("source", "zendesk").put("externalId", "org-1");
		}
		if (known != null && kind != Kind.OBJECT && kind != Kind.ARRAY) {
			return StringNode.valueOf(known);
		}
		JsonNode example = resolved.has("example") ? resolved.get("example") : resolved.path("examples").path(0);
		if (!example.isMissingNode() && kind != Kind.OBJECT && kind != Kind.ARRAY) {
			return (kind == Kind.INTEGER || kind == Kind.NUMBER) && example.isString()
					? this.json.getNodeFactory().numberNode(Long.parseLong(example.asString())) : example;
		}
		return switch (kind) {
			case ENUM -> resolved.path("enum").path(0);
			case DATE_TIME -> StringNode.valueOf(Instant.parse(now).minus(1, ChronoUnit.DAYS).toString());
			case DATE -> StringNode.valueOf(LocalDate.now(ZoneOffset.UTC).plusMonths(6).toString());
			case INTEGER, NUMBER -> this.json.getNodeFactory().numberNode(1);
			case BOOLEAN -> this.json.getNodeFactory().booleanNode(false);
			case ARRAY -> {
				ArrayNode items = this.json.createArrayNode();
				items.add(valid(description, resolved.path("items"), "", depth + 1));
				yield items;
			}
			case OBJECT -> {
				ObjectNode object = this.json.createObjectNode();
				resolved.path("properties")
					.properties()
					.forEach((property) -> object.set(property.getKey(),
							valid(description, property.getValue(), property.getKey(), depth + 1)));
				yield object;
			}
			case STRING -> StringNode.valueOf("Sweep " + name);
		};
	}

	/** Every field of a body, nested ones included, with the path to it. */
	private List<Field> fields(JsonNode description, JsonNode schema, List<Object> path, int depth) {
		JsonNode resolved = resolve(description, schema);
		Kind kind = kind(description, resolved);
		List<Field> fields = new ArrayList<>();
		if (kind == Kind.ARRAY && depth < 4) {
			List<Object> item = new ArrayList<>(path);
			item.add(0);
			fields.addAll(fields(description, resolved.path("items"), item, depth + 1));
		}
		else if (kind == Kind.OBJECT && depth < 4) {
			resolved.path("properties").properties().forEach((property) -> {
				List<Object> at = new ArrayList<>(path);
				at.add(property.getKey());
				fields.add(new Field(at, kind(description, resolve(description, property.getValue()))));
				fields.addAll(fields(description, property.getValue(), at, depth + 1));
			});
		}
		return fields;
	}

	/** The body as JSON text with the raw JSON value at the path. */
	private String fill(JsonNode body, List<Object> path, String rawValue) {
		JsonNode copy = body.deepCopy();
		JsonNode parent = copy;
		for (int i = 0; i < path.size() - 1; i++) {
			parent = (path.get(i) instanceof Integer index) ? parent.get(index) : parent.get((String) path.get(i));
		}
		Object last = path.get(path.size() - 1);
		if (parent instanceof ObjectNode object) {
			object.put((String) last, HOLE);
		}
		else if (parent instanceof ArrayNode array) {
			array.set((Integer) last, StringNode.valueOf(HOLE));
		}
		return copy.toString().replace("\"" + HOLE + "\"", rawValue);
	}

	private static JsonNode resolve(JsonNode description, JsonNode schema) {
		JsonNode resolved = schema;
		while (resolved.has("$ref")) {
			String name = resolved.get("$ref").asString().substring("#/components/schemas/".length());
			resolved = description.path("components").path("schemas").path(name);
		}
		return resolved;
	}

	private static Kind kind(JsonNode description, JsonNode schema) {
		JsonNode resolved = resolve(description, schema);
		String type = resolved.path("type").isArray() ? resolved.path("type").path(0).asString()
				: resolved.path("type").asString("object");
		if (resolved.has("enum")) {
			return Kind.ENUM;
		}
		return switch (type) {
			case "string" -> switch (resolved.path("format").asString("")) {
				case "date-time" -> Kind.DATE_TIME;
				case "date" -> Kind.DATE;
				default -> Kind.STRING;
			};
			case "integer" -> Kind.INTEGER;
			case "number" -> Kind.NUMBER;
			case "boolean" -> Kind.BOOLEAN;
			case "array" -> (resolved.path("items").has("enum")) ? Kind.ENUM : Kind.ARRAY;
			default -> Kind.OBJECT;
		};
	}

	private static int order(String path) {
		List<String> first = List.of("/api/ingest/customers", "/api/ingest/contacts", "/api/ingest/health-scores",
				"/api/ingest/tickets");
		int at = first.indexOf(path);
		return (at >= 0) ? at : first.size() + ((path.contains("ticket-followup") ? 1 : 0));
	}

	/** Checks a case beside the others of its operation. */
	private void check(String label, String user, Supplier<HttpResponse<String>> request) {
		this.inFlight.add(this.senders.submit(() -> expectProblem(label, user, request.get())));
	}

	private void awaitChecks() {
		try {
			for (Future<?> check : this.inFlight) {
				check.get();
			}
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.inFlight.clear();
		}
	}

	@AfterEach
	void stopSenders() {
		this.senders.shutdownNow();
	}

	private void expectProblem(String label, String user, HttpResponse<String> response) {
		this.sent.incrementAndGet();
		int status = response.statusCode();
		if (status >= 500) {
			fail(label, response, "answered " + status);
			return;
		}
		if (status < 400) {
			return;
		}
		MediaType type = RawHttp.contentType(response);
		if (!type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
			fail(label, response, status + " is not a problem detail but " + type);
			return;
		}
		if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
			fail(label, response, status + " is in " + type.getCharset());
			return;
		}
		JsonNode problem;
		try {
			problem = this.json.readTree(response.body());
		}
		catch (RuntimeException ex) {
			fail(label, response, status + " has a body that is not JSON");
			return;
		}
		if (problem.path("status").asInt() != status
				|| (problem.path("title").asString("").isBlank() && problem.path("detail").asString("").isBlank())) {
			fail(label, response, status + " lacks status, title or detail");
			return;
		}
		leaks(label, response);
	}

	private void leaks(String label, HttpResponse<String> response) {
		for (String leak : LEAKS) {
			if (response.body().contains(leak)) {
				fail(label, response, response.statusCode() + " leaks '" + leak + "'");
				return;
			}
		}
	}

	// The chat

	private static boolean isChat(HandlerMethod method) {
		Class<?> type = method.getBeanType();
		return type.isAnnotationPresent(Controller.class) && !type.isAnnotationPresent(RestController.class)
				&& type.getPackageName().startsWith("io.aftercare.chat");
	}

	private void sweepChat(ChatClient chat, RequestMappingInfo info, HandlerMethod method, String pattern,
			long followUp) {
		boolean post = info.getMethodsCondition().getMethods().contains(RequestMethod.POST);
		Map<String, Kind> fields = new LinkedHashMap<>();
		String pathVariable = null;
		for (MethodParameter parameter : method.getMethodParameters()) {
			parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
				Class<?> type = parameter.getParameterType();
				fields.put(name, (type == LocalDate.class) ? Kind.DATE
						: (type == int.class || type == long.class || type == Integer.class || type == Long.class)
								? Kind.INTEGER : Kind.STRING);
			}
			PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
			if (variable != null) {
				pathVariable = !variable.name().isEmpty() ? variable.name() : parameter.getParameterName();
			}
		}
		if (fields.isEmpty() && pathVariable == null) {
			return;
		}
		Map<String, String> validFields = new LinkedHashMap<>();
		fields.forEach((name, kind) -> validFields.put(name, switch (name) {
			case "date" -> LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
			case "contentVersion" -> "2147483647";
			case "subject" -> "Checking in";
			case "body" -> "Hi David,\n\nAll good?";
			default -> "What reminders do I have?";
		}));
		String validPath = (pathVariable != null) ? pattern.replace("{" + pathVariable + "}", String.valueOf(followUp))
				: pattern;
		if (pathVariable != null) {
			for (String value : Values.parameter(Kind.INTEGER)) {
				String path = pattern.replace("{" + pathVariable + "}", value);
				expectReadable(pattern + " " + pathVariable + "=" + shown(value),
						post ? chat.postEncoded(path, ChatClient.encode(validFields)) : chat.get(path));
			}
		}
		for (Map.Entry<String, Kind> field : fields.entrySet()) {
			for (String value : Values.form(field.getValue())) {
				Map<String, String> others = new LinkedHashMap<>(validFields);
				others.remove(field.getKey());
				String form = (others.isEmpty() ? "" : ChatClient.encode(others) + "&") + field.getKey() + "=" + value;
				expectReadable(pattern + " " + field.getKey() + "=" + shown(value),
						post ? chat.postEncoded(validPath, form) : chat.get(validPath + "?" + form));
			}
		}
	}

	private void sweepSignIn() {
		for (String value : Values.form(Kind.STRING)) {
			for (String field : List.of("username", "password")) {
				String form = field + "=" + value + "&" + (field.equals("username") ? "password=demo" : "username=sam");
				HttpResponse<String> response = this.http.send(this.http.request("/login", null)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)));
				this.sent.incrementAndGet();
				if (response.statusCode() >= 500) {
					fail("POST /login " + field + "=" + shown(value), response, "answered " + response.statusCode());
				}
			}
		}
	}

	private void expectReadable(String label, HttpResponse<String> response) {
		this.sent.incrementAndGet();
		int status = response.statusCode();
		MediaType type = RawHttp.contentType(response);
		if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
			fail(label, response, "answered " + status);
		}
		else if (type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON) && status >= 400) {
			// Refused before it reached the chat (Tomcat, the firewall): the chat shows
			// the problem's detail as text.
			expectProblem(label, "sam", response);
			this.sent.decrementAndGet();
		}
		else if (!type.isCompatibleWith(MediaType.TEXT_HTML)) {
			fail(label, response, status + " is not a page but " + type);
		}
		else if (response.body().contains("\"status\":") || response.body().contains("Whitelabel")) {
			fail(label, response, status + " is an error page or raw JSON");
		}
		else {
			leaks(label, response);
		}
	}

	private static String methods(RequestMappingInfo info) {
		return String.join(",", info.getMethodsCondition().getMethods().stream().map(Enum::name).sorted().toList());
	}

	// Reporting

	private void fail(String label, HttpResponse<String> response, String why) {
		String body = response.body().replaceAll("\\s+", " ");
		this.failures.add(label + " -> " + why + ": " + body.substring(0, Math.min(160, body.length())));
	}

	private void report(String door, Map<String, Integer> cases, long started) {
		System.out.printf("Bad-input sweep of the %s: %d operations, %d cases, %d failures, %d ms%n", door,
				cases.size(), cases.values().stream().mapToInt(Integer::intValue).sum(), this.failures.size(),
				(System.nanoTime() - started) / 1_000_000);
		cases.forEach((operation, count) -> System.out.printf("  %5d  %s%n", count, operation));
	}

	private static String shown(String value) {
		String text = value.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}]", "\uFFFD");
		return (text.length() > 40) ? text.substring(0, 40) + "...(" + text.length() + ")" : text;
	}

	/**
	 * The sweep signs in and creates users a few thousand times: bcrypt at its lowest
	 * cost keeps that quick. Same users, same passwords, same checks.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class QuickPasswords {

		@Bean
		@Primary
		PasswordEncoder quickPasswordEncoder() {
			return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
		}

	}

	record Operation(String method, String path, JsonNode spec) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	record Field(List<Object> path, Kind kind) {

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder();
			for (Object part : this.path) {
				text.append((part instanceof Integer index) ? "[" + index + "]" : (text.isEmpty() ? "" : ".") + part);
			}
			return text.toString();
		}

	}

	enum Kind {

		STRING, ENUM, DATE_TIME, DATE, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY

	}

	/** The bad values, as raw JSON, raw (already encoded) URL text, or raw bodies. */
	static final class Values {

		private static final String DEEP_ARRAY = "[".repeat(300) + "]".repeat(300);

		private static final List<String> STRINGS = List.of("\"a\\u0000b\"", "\"\\u0000\"",
				"\"\\u0001\\u0007\\u001b[31m\\u007f\"", "\"x\\r\\nX-Injected: 1\"", "\"x\\u2028y\\u2029z\\u0085\"",
				"\"\\u202Egnp.exe\\u202C\"", "\"a\\u200Bb\\u2060c\\uFEFF\"", "\"\\ud800\"", "\"x\\udc00y\"",
				"\"\\ude00\\ud83d\"", "\"" + "x".repeat(100_001) + "\"", "\"\"", "\"   \"",
				"\"<script>alert(1)</script>\"", "\"'; drop table customers; --\"", "\"%00\"");

		private static final List<String> WRONG_TYPES = List.of("12345", "-1", "1e400", "true", "{\"a\":1}", "[\"a\"]",
				"null", DEEP_ARRAY);

		static List<String> body(Kind kind) {
			List<String> values = new ArrayList<>();
			switch (kind) {
				case STRING -> values.addAll(STRINGS);
				case ENUM -> {
					values.addAll(
							List.of("\"NOT_A_VALUE\"", "\"\"", "\"solved\\u0000\"", "\"S\\u00d6LVED\"", "\"\\ud800\""));
					values.addAll(STRINGS.subList(0, 4));
				}
				case DATE_TIME -> values.addAll(List.of("\"+999999999-12-31T23:59:59Z\"",
						"\"-999999999-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"", "\"10000-01-01T00:00:00Z\"",
						"\"1899-12-31T23:59:59Z\"", "\"9999-12-31T23:59:59Z\"", "\"2026-13-45T25:61:61Z\"",
						"\"2026-11-01\"", "\"yesterday\"", "\"\"", "99999999999999999", "-99999999999999999", "-1e400",
						"1.5", "0", "\"2026-11-01T00:00:00\\u0000Z\""));
				case DATE -> values.addAll(List.of("\"+999999999-12-31\"", "\"0000-01-01\"", "\"10000-01-01\"",
						"\"1899-12-31\"", "\"2026-02-30\"", "\"\"", "20261231", "\"2026-11-01\\u0000\""));
				case INTEGER -> values.addAll(List.of("99999999999999999999", "-99999999999999999999", "-1", "0",
						"-2147483649", "2147483648", "9223372036854775808", "1.5", "1e400", "-1e400", "\"12\"",
						"\"abc\"", "\"\\u0000\"", "1" + "0".repeat(2000)));
				case NUMBER -> values.addAll(List.of("1e400", "-1e400", "1e-400", "99999999999999999999.99", "-1", "0",
						"1.5", "\"abc\"", "\"1e400\"", "1" + "0".repeat(2000)));
				case BOOLEAN -> values.addAll(List.of("\"yes\"", "2", "0", "\"true\"", "\"\\u0000\""));
				case OBJECT -> values.addAll(List.of("\"text\"", "42", "[]", "{\"unknown\":1}", "{}"));
				case ARRAY -> values.addAll(List.of("{}", "\"x\"", "42", "[null]", "[1,\"a\",{},[]]",
						"[" + "\"t\",".repeat(9_999) + "\"t\"]"));
			}
			for (String wrong : WRONG_TYPES) {
				if (!values.contains(wrong)) {
					values.add(wrong);
				}
			}
			return values;
		}

		/** Query and path values, percent-encoded as they go on the wire. */
		static List<String> parameter(Kind kind) {
			List<String> values = new ArrayList<>(List.of("%00", "a%00b", "%ED%A0%80", "%C0%AF", "%FF%FE",
					"%0D%0AX-Injected:%201", "%E2%80%AE", "x".repeat(5_000), "", "%25", "%2F", "..", "%20"));
			switch (kind) {
				case INTEGER, NUMBER -> values.addAll(List.of("abc", "-1", "0", "99999999999999999999", "1e400", "1.5",
						"-2147483649", "2147483648", "1%00"));
				case BOOLEAN -> values.addAll(List.of("maybe", "2"));
				case ENUM -> values.addAll(List.of("NOT_A_VALUE", ",,,", "SOLVED,NOT_A_VALUE", "solved%00"));
				case DATE_TIME -> values.addAll(List.of("%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
						"0000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "yesterday",
						"2026-13-45T00:00:00Z", "2026-11-01"));
				default -> {
				}
			}
			return values;
		}

		/** Form values, percent-encoded as they go on the wire. */
		static List<String> form(Kind kind) {
			List<String> values = new ArrayList<>(parameter(kind));
			values.remove("%2F");
			values.remove("..");
			values.addAll(
					List.of("%E2%80%A8", "%E2%80%8B", "%EF%BB%BF", "x".repeat(1_000_001), "%3Cscript%3E", "%", "%G0"));
			if (kind == Kind.DATE) {
				values.addAll(List.of("%2B999999999-12-31", "0000-01-01", "10000-01-01", "1899-12-31", "2026-02-30",
						"yesterday", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()));
			}
			return values;
		}

		static Map<String, byte[]> wholeBodies(String valid) {
			Map<String, byte[]> bodies = new LinkedHashMap<>();
			for (String text : List.of("", " ", "{", "[", "{\"a\":", "nul", "42", "\"text\"", "[]", "null", "true",
					"{}", "{\"a\":1} trailing", "{\"a\":1,}", "{'a':1}", "/* comment */ {}", valid + valid,
					"{\"a\":1,\"a\":2}", "[".repeat(100_000), "{\"a\":".repeat(1_000), DEEP_ARRAY,
					"{\"x\":\"" + "x".repeat(3_000_000) + "\"}")) {
				bodies.put(shown(text), text.getBytes(StandardCharsets.UTF_8));
			}
			bodies.put("raw NUL byte in a string", "{\"subject\":\"a\u0000b\"}".getBytes(StandardCharsets.UTF_8));
			bodies.put("invalid UTF-8",
					new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}' });
			bodies.put("CESU-8 surrogate",
					new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}' });
			bodies.put("UTF-16 with BOM", ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_16));
			return bodies;
		}

		static Map<String, byte[]> ndjsonBodies(String validLine) {
			Map<String, byte[]> bodies = new LinkedHashMap<>();
			bodies.put("raw NUL line", "\u0000\n".getBytes(StandardCharsets.UTF_8));
			bodies.put("broken line", (validLine + "\n{\n" + validLine + "\n").getBytes(StandardCharsets.UTF_8));
			bodies.put("invalid UTF-8", new byte[] { '{', '"', (byte) 0xFF, '"', ':', '1', '}', '\n' });
			bodies.put("NUL escape", (validLine.replaceFirst("\"zendesk\"", "\"zen\\\\u0000desk\"") + "\n")
				.getBytes(StandardCharsets.UTF_8));
			bodies.put("blank lines only", "\n\n   \n".getBytes(StandardCharsets.UTF_8));
			bodies.put("an array", ("[" + validLine + "]\n").getBytes(StandardCharsets.UTF_8));
			return bodies;
		}

	}

}
