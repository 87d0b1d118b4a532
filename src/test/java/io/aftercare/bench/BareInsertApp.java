package io.aftercare.bench;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The reference of the webhook benchmark: a bare Spring Boot web app (Tomcat, Spring MVC,
 * the same PostgreSQL) whose one endpoint does one JDBC insert of the posted body and
 * answers. No security, no signature, no JSON parsing: what receiving a webhook cannot
 * beat on this machine. Neither a configuration nor a component, so that Aftercare's own
 * component scan never picks it up; it is started as a source of its own.
 */
@ImportAutoConfiguration({ org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
		org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration.class,
		org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration.class,
		org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration.class,
		org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration.class,
		org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
		org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
		org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
		org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
		org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class })
class BareInsertApp {

	@Bean
	RouterFunction<ServerResponse> events(JdbcClient jdbc) {
		jdbc.sql("""
				create table if not exists bare_events (id bigserial primary key, payload text not null,
				    received_at timestamp with time zone not null default now())
				""").update();
		return RouterFunctions.route().POST("/events", (request) -> {
			jdbc.sql("insert into bare_events (payload) values (:payload)")
				.param("payload", new String(request.body(byte[].class), StandardCharsets.UTF_8))
				.update();
			return ServerResponse.ok().body("{\"received\":\"STORED\"}");
		}).build();
	}

}
