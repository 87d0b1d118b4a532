package io.aftercare.ingestion.web;

import java.util.UUID;

import io.aftercare.account.CsmDirectory;
import io.aftercare.account.CsmRole;
import io.aftercare.account.NewCsm;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

/**
 * Posts to the ingestion API as this test's own admin. The application context, and so
 * the database, is shared with other test classes: records use the source
 * {@value #SOURCE} and external ids that start with a fresh {@link #run()} prefix.
 */
final class IngestClient {

	static final String SOURCE = "test-ingest";

	static final String ADMIN = "ingest-admin";

	static final String CSM = "ingest-csm";

	static final String PASSWORD = "ingest-password";

	private final RestTestClient http;

	IngestClient(RestTestClient http, CsmDirectory csms) {
		this.http = http;
		if (!csms.exists(ADMIN)) {
			csms.create(
					new NewCsm(ADMIN, "Ingestion Admin", "ingest-admin@aftercare.test", null, PASSWORD, CsmRole.ADMIN));
		}
		if (!csms.exists(CSM)) {
			csms.create(new NewCsm(CSM, "Ingestion CSM", "ingest-csm@aftercare.test", null, PASSWORD, CsmRole.CSM));
		}
	}

	static String run() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	ResponseSpec json(String path, String body) {
		return post(path, MediaType.APPLICATION_JSON, body);
	}

	ResponseSpec ndjson(String path, String body) {
		return post(path, MediaType.APPLICATION_NDJSON, body);
	}

	private ResponseSpec post(String path, MediaType type, String body) {
		return this.http.post()
			.uri(path)
			.headers((h) -> h.setBasicAuth(ADMIN, PASSWORD))
			.contentType(type)
			.body(body)
			.exchange();
	}

	static String customer(String externalId, String name) {
		return """
				{"source":"%s","externalId":"%s","name":"%s","tier":"ENTERPRISE","arr":180000,"employees":450,
				 "renewalDate":"2027-03-31","atRisk":false}""".formatted(SOURCE, externalId, name);
	}

	/** An open ticket of the given customer, light enough to send by the thousand. */
	static String openTicket(String externalId, String customerExternalId) {
		return ("{\"source\":\"%s\",\"externalId\":\"%s\",\"customer\":{\"externalId\":\"%s\"},"
				+ "\"subject\":\"Export is slow\",\"priority\":\"normal\",\"status\":\"open\","
				+ "\"openedAt\":\"2026-10-01T09:00:00Z\",\"tags\":[\"export\"]}")
			.formatted(SOURCE, externalId, customerExternalId);
	}

}
