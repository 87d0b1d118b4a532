package io.aftercare.ingestion.web;

import io.aftercare.AftercareIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@AftercareIntegrationTest
class IngestionApiDocumentationIntegrationTests {

	@Autowired
	RestTestClient http;

	@ParameterizedTest
	@ValueSource(strings = { "customers", "contacts", "health-scores", "tickets" })
	void documentsEachEndpointWithBothBodyFormats(String endpoint) {
		String operation = "$.paths['/api/ingest/" + endpoint + "'].post";
		this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath(operation + ".tags[0]")
			.isEqualTo("Ingestion")
			.jsonPath(operation + ".summary")
			.isNotEmpty()
			.jsonPath(operation + ".requestBody.content['application/json'].schema.items['$ref']")
			.exists()
			.jsonPath(operation + ".requestBody.content['application/x-ndjson'].schema['$ref']")
			.exists()
			.jsonPath(operation + ".responses['200'].content['application/json'].schema['$ref']")
			.isEqualTo("#/components/schemas/IngestionReport")
			// The servlet request the controller streams from is no API parameter; only
			// the tickets' backfill flag is.
			.jsonPath(operation + ".parameters[?(@.name != 'backfill')]")
			.doesNotExist();
	}

	@Test
	void documentsTheWireNamesOfTheRecords() {
		this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectBody()
			.jsonPath("$.components.schemas.IncomingComment.properties.public.type")
			.isEqualTo("boolean")
			.jsonPath("$.components.schemas.IncomingTicket.properties.priority.enum")
			.isEqualTo(java.util.List.of("LOW", "NORMAL", "HIGH", "URGENT"))
			.jsonPath("$.components.schemas.IncomingHealthScore.properties.customerExternalId.type")
			.isEqualTo("string");
	}

}
