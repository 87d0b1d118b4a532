package io.aftercare.chat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One local HTTP server speaking OpenAI's chat-completions API (WireMock, on a free port
 * of the loopback), started once for the test run, and the Spring AI settings that point
 * the chat's language model at it. Each test class resets its stubs and requests.
 */
public final class ModelServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String API_KEY = "test-openai-key";

	private static WireMockServer server;

	public static synchronized WireMockServer server() {
		if (server == null) {
			server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	/**
	 * An answer of the chat-completions API, as OpenAI documents it, whose message
	 * content is the given text.
	 */
	static String completion(String content) {
		return """
				{"id":"chatcmpl-test","object":"chat.completion","created":1767225600,"model":"gpt-4o-mini-2024-07-18",
				 "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null,"annotations":[]},
				             "logprobs":null,"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":412,"completion_tokens":48,"total_tokens":460,
				          "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
				          "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,
				                                       "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
				 "service_tier":"default","system_fingerprint":"fp_test"}""".formatted(quoted(content));
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.ai.model.chat=openai", "spring.ai.openai.base-url=http://127.0.0.1:" + server().port() + "/v1",
					"spring.ai.openai.api-key=" + API_KEY, "spring.ai.openai.chat.model=gpt-4o-mini")
			.applyTo(context);
	}

}
