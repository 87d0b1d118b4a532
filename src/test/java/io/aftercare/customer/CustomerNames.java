package io.aftercare.customer;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The names of the customers a {@code GET /api/customers...} answers, in its order. */
public final class CustomerNames {

	private CustomerNames() {
	}

	public static List<String> of(RestTestClient http, String user, String password, String uri, Object... variables) {
		List<Map<String, Object>> customers = http.get()
			.uri(uri, variables)
			.headers((headers) -> headers.setBasicAuth(user, password))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		return customers.stream().map((customer) -> (String) customer.get("name")).toList();
	}

}
