package io.aftercare.connector;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.aftercare.TestDatabase;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application with both desks connected to {@link DeskServers} (API and
 * webhooks, secrets below), on a database of its own: every connector test class shares
 * this one context. The scheduled syncs do not start by themselves; tests run them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "aftercare.demo.load=always",
		"aftercare.mail.outbox=target/test-outbox",
		"spring.datasource.url=jdbc:h2:mem:connectors;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.zendesk.signing-secret=" + DeskSigning.ZENDESK_SECRET,
		"aftercare.zendesk.email=aftercare@acme.example", "aftercare.zendesk.api-token=zendesk-test-token",
		"aftercare.zendesk.export-requests-per-minute=0", "aftercare.zendesk.requests-per-minute=0",
		"aftercare.zendesk.backoff=PT0.05S", "aftercare.zendesk.sync-enabled=false",
		"aftercare.intercom.client-secret=" + DeskSigning.INTERCOM_SECRET,
		"aftercare.intercom.access-token=intercom-test-token", "aftercare.intercom.requests-per-minute=0",
		"aftercare.intercom.backoff=PT0.05S", "aftercare.intercom.sync-enabled=false",
		"aftercare.connectors.inbox-every=PT1S" })
@ContextConfiguration(initializers = DeskServers.class)
@AutoConfigureRestTestClient
@Import(TestDatabase.class)
public @interface ConnectorIntegrationTest {

}
