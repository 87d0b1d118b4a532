package io.aftercare.chat;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.aftercare.AftercareIntegrationTest;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with the chat's language model pointed at {@link ModelServer},
 * waiting at most one second for it, on a database of its own: the model path's tests and
 * the conversation tests over HTTP share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AftercareIntegrationTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-chat-model;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.chat.model.timeout=PT1S" })
@ContextConfiguration(initializers = ModelServer.class)
@interface ChatModelTest {

}
