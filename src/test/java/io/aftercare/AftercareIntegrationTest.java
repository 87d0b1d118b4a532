package io.aftercare;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, over the real HTTP stack and a real database:
 * an in-memory H2 by default, PostgreSQL when the build runs with
 * {@code -Daftercare.test.database=postgres} (see {@link TestDatabase}). The demo
 * workspace is loaded, so the demo users {@code sam}, {@code alex} and {@code admin}
 * exist.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "aftercare.demo.load=always",
		"aftercare.mail.outbox=target/test-outbox", "aftercare.account.rate-limit.requests=1000000",
		"spring.datasource.url=jdbc:h2:mem:aftercare;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
@AutoConfigureRestTestClient
@Import(TestDatabase.class)
public @interface AftercareIntegrationTest {

}
