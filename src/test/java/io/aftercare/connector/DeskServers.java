package io.aftercare.connector;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One local HTTP server that speaks Zendesk's and Intercom's APIs for every connector
 * test (WireMock, on a free port of the loopback), started once for the test run, so that
 * all connector tests share one application context pointed at it. Each test class resets
 * its stubs and requests.
 */
public final class DeskServers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static WireMockServer server;

	public static synchronized WireMockServer server() {
		if (server == null) {
			server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	public static String zendeskUrl() {
		return "http://127.0.0.1:" + server().port();
	}

	public static String intercomUrl() {
		return "http://127.0.0.1:" + server().port() + "/intercom";
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("aftercare.zendesk.base-url=" + zendeskUrl(), "aftercare.intercom.base-url=" + intercomUrl())
			.applyTo(context);
	}

}
