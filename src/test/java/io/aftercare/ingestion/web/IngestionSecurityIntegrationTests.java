package io.aftercare.ingestion.web;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.CsmDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.aftercare.ingestion.web.IngestClient.SOURCE;
import static io.aftercare.ingestion.web.IngestClient.customer;
import static org.assertj.core.api.Assertions.assertThat;

@AftercareIntegrationTest
class IngestionSecurityIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	CsmDirectory csms;

	@Autowired
	JdbcClient jdbc;

	String run;

	@BeforeEach
	void users() {
		new IngestClient(this.http, this.csms);
		this.run = IngestClient.run();
	}

	@ParameterizedTest
	@ValueSource(strings = { "customers", "contacts", "health-scores", "tickets" })
	void forbidsCsmsWhoAreNotAdmins(String endpoint) {
		this.http.post()
			.uri("/api/ingest/" + endpoint)
			.headers((h) -> h.setBasicAuth(IngestClient.CSM, IngestClient.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.body(customer(this.run + "-1", "Acme"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(stored()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "customers", "contacts", "health-scores", "tickets" })
	void requiresSignIn(String endpoint) {
		this.http.post()
			.uri("/api/ingest/" + endpoint)
			.contentType(MediaType.APPLICATION_JSON)
			.body(customer(this.run + "-1", "Acme"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(stored()).isZero();
	}

	@Test
	void refusesBodiesThatAreNeitherJsonNorNdjson() {
		this.http.post()
			.uri("/api/ingest/customers")
			.headers((h) -> h.setBasicAuth(IngestClient.ADMIN, IngestClient.PASSWORD))
			.contentType(MediaType.TEXT_PLAIN)
			.body(customer(this.run + "-1", "Acme"))
			.exchange()
			.expectStatus()
			.isEqualTo(415);
		assertThat(stored()).isZero();
	}

	private long stored() {
		return this.jdbc.sql("select count(*) from customers where source_system = :source and external_id = :id")
			.param("source", SOURCE)
			.param("id", this.run + "-1")
			.query(Long.class)
			.single();
	}

}
