package io.aftercare.account;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.ApplicationContext;

/**
 * Times the check of an API token as the bearer filter makes it (one indexed read, one
 * SHA-256, a constant-time comparison), without HTTP around it. For the load run.
 */
public final class TokenCheck {

	private TokenCheck() {
	}

	public static String measure(ApplicationContext app, List<String> tokens) {
		ApiTokens service = app.getBean(ApiTokens.class);
		int checks = 20_000;
		for (int i = 0; i < 2_000; i++) {
			service.authenticate(tokens.get(i % tokens.size()));
		}
		long[] nanos = new long[checks];
		for (int i = 0; i < checks; i++) {
			long started = System.nanoTime();
			service.authenticate(tokens.get(i % tokens.size()));
			nanos[i] = System.nanoTime() - started;
		}
		Arrays.sort(nanos);
		return "Token check, %,d checks on one thread: p50 %.3f ms, p99 %.3f ms, max %.3f ms".formatted(checks,
				nanos[checks / 2] / 1e6, nanos[(int) (checks * 0.99)] / 1e6, nanos[checks - 1] / 1e6);
	}

}
