package io.aftercare.bench;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The bare reference of the load run: a minimal Spring Boot app (Tomcat, Spring MVC,
 * Jackson, a JDBC pool) with one endpoint that does one indexed read, a customer by its
 * primary key, on the same PostgreSQL as the app. No security, no sessions, no modules:
 * what the machine can serve at all, measured in the same run. Not a component (never
 * scanned into the app or the tests): only its auto-configurations are imported.
 */
@ImportAutoConfiguration({ org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
		org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
		org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
		org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
		org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
		org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
		org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class })
final class ReferenceApp {

	static final String PATH = "/reference/customers/";

	private ReferenceApp() {
	}

	static ConfigurableApplicationContext start(String jdbcUrl, String username) {
		SpringApplication app = new SpringApplication(ReferenceApp.class);
		app.addInitializers((context) -> ((GenericApplicationContext) context).registerBean("customerById",
				RouterFunction.class, () -> customerById(context.getBean(DataSource.class))));
		return app.run("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + username,
				"--server.address=127.0.0.1", "--server.port=0", "--spring.main.banner-mode=off",
				"--spring.application.name=reference");
	}

	private static RouterFunction<ServerResponse> customerById(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		return RouterFunctions.route()
			.GET(PATH + "{id}",
					(request) -> ServerResponse.ok()
						.body(jdbc.sql("select id, name, tier, arr from customers where id = :id")
							.param("id", Long.parseLong(request.pathVariable("id")))
							.query()
							.singleRow()))
			.build();
	}

	static Map<String, String> describe() {
		return Map.of("what", "one indexed read per request (customer by primary key), Tomcat + Spring MVC + Jackson");
	}

}
