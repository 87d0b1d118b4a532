package io.aftercare.ingestion.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.aftercare.ingestion.IncomingCustomer;
import io.aftercare.ingestion.IncomingHealthScore;
import io.aftercare.ingestion.Submission;
import io.aftercare.ingestion.web.JsonBatches.JsonBody;
import io.aftercare.ingestion.web.JsonBatches.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonBatchesTests {

	static final Kind<IncomingCustomer> CUSTOMERS = new Kind<>(IncomingCustomer.class, Kind::ownKey);

	static final Kind<IncomingHealthScore> HEALTH_SCORES = new Kind<>(IncomingHealthScore.class, Kind::healthScoreKey);

	final JsonBatches batches = new JsonBatches(JsonMapper.builder().build());

	@Test
	void readsNdjsonLineByLineSkippingBlankLinesAndABom() {
		String body = "\uFEFF{\"source\":\"zendesk\",\"externalId\":\"org-1\",\"name\":\"A\"}\r\n\r\n   \n"
				+ "{not json}\n" + "{\"source\":\"zendesk\",\"externalId\":\"org-2\",\"employees\":\"many\"}\n"
				+ "[1, 2]\n" + "{\"externalId\":\"org-3\"} {\"externalId\":\"org-4\"}\n"
				+ "{\"source\":\"zendesk\",\"externalId\":\"org-5\",\"name\":\"E\"}";

		List<Submission<IncomingCustomer>> read = all(
				this.batches.lines(stream(body), StandardCharsets.UTF_8, CUSTOMERS));

		assertThat(read).extracting(Submission::index).containsExactly(0, 1, 2, 3, 4, 5);
		assertThat(read.get(0).data().name()).isEqualTo("A");
		assertThat(read.get(1).reason()).startsWith("line 4 is not valid JSON (column 2): ");
		assertThat(read.get(2).reason()).isEqualTo("employees: cannot read 'many' as a whole number");
		assertThat(read.get(2).key()).isEqualTo("zendesk:org-2");
		assertThat(read.get(3).reason()).isEqualTo("expected a JSON object, not an array");
		assertThat(read.get(4).reason())
			.isEqualTo("line 7 holds more than one JSON value; NDJSON has one object per line");
		assertThat(read.get(5).data().externalId()).isEqualTo("org-5");
	}

	@Test
	void readsAnArrayElementByElement() {
		String body = "[{\"source\":\"zendesk\",\"externalId\":\"org-1\"}, \"text\", {\"arr\": [1]}]";

		try (JsonBody<IncomingCustomer> json = this.batches.json(stream(body), CUSTOMERS)) {
			assertThat(json.single()).isNull();
			List<Submission<IncomingCustomer>> read = all(json.elements());
			assertThat(read).hasSize(3);
			assertThat(read.get(0).readable()).isTrue();
			assertThat(read.get(1).reason()).isEqualTo("expected a JSON object, not a string");
			assertThat(read.get(2).reason()).isEqualTo("arr: expected a number");
		}
	}

	@Test
	void saysInItsOwnWordsWhyANumberCannotBeRead() {
		String body = "[{\"source\":\"zendesk\",\"externalId\":\"org-1\",\"arr\":1e400},"
				+ "{\"source\":\"zendesk\",\"externalId\":\"org-2\",\"employees\":99999999999},"
				+ "{\"source\":\"zendesk\",\"externalId\":\"org-3\",\"employees\":\"1e400\"},"
				+ "{\"source\":\"zendesk\",\"externalId\":\"org-4\",\"renewalDate\":1e400}]";

		try (JsonBody<IncomingCustomer> json = this.batches.json(stream(body), CUSTOMERS)) {
			List<Submission<IncomingCustomer>> read = all(json.elements());
			// Read exactly, so that the domain can say what is wrong with the amount.
			assertThat(read.get(0).data().arr()).isEqualByComparingTo("1e400");
			assertThat(read.get(1).reason())
				.isEqualTo("employees: the number is out of range (a whole number from -2147483648 to 2147483647)");
			assertThat(read.get(2).reason()).isEqualTo("employees: cannot read '1e400' as a whole number");
			assertThat(read.get(3).reason()).isEqualTo("renewalDate: expected a date such as 2027-03-31");
			assertThat(read.subList(1, 4)).allSatisfy((submission) -> assertThat(submission.reason())
				.doesNotContain("`", "java.", "Node", "Jackson", "Infinity", "NaN"));
		}
		String tooLong = "[{\"source\":\"zendesk\",\"externalId\":\"org-5\",\"arr\":" + "9".repeat(2000) + "}]";
		assertThatExceptionOfType(UnreadableBodyException.class)
			.isThrownBy(() -> all(this.batches.json(stream(tooLong), CUSTOMERS).elements()))
			.withMessage("The body goes beyond what Aftercare reads: a number has too many digits.");
	}

	@Test
	void failsAnArrayWhereItBreaksOff() {
		String body = "[{\"source\":\"zendesk\",\"externalId\":\"org-1\"},\n{\"source\":";

		try (JsonBody<IncomingCustomer> json = this.batches.json(stream(body), CUSTOMERS)) {
			Iterator<Submission<IncomingCustomer>> elements = json.elements();
			assertThat(elements.next().readable()).isTrue();
			assertThatExceptionOfType(UnreadableBodyException.class).isThrownBy(() -> {
				elements.hasNext();
				elements.next();
			}).withMessageStartingWith("The body is not valid JSON at line 2");
		}
	}

	@Test
	void readsASingleObjectAndNothingAfterIt() {
		try (JsonBody<IncomingCustomer> json = this.batches.json(stream(" {\"name\":\"A\"} "), CUSTOMERS)) {
			assertThat(json.single().data().name()).isEqualTo("A");
		}
		assertThatExceptionOfType(UnreadableBodyException.class)
			.isThrownBy(() -> this.batches.json(stream("{\"name\":\"A\"} x"), CUSTOMERS))
			.withMessageStartingWith("The body is not valid JSON");
		assertThatExceptionOfType(UnreadableBodyException.class)
			.isThrownBy(() -> this.batches.json(stream("{\"name\":\"A\"} {}"), CUSTOMERS))
			.withMessageStartingWith("Unexpected content after the object");
		assertThatExceptionOfType(UnreadableBodyException.class)
			.isThrownBy(() -> this.batches.json(stream("   "), CUSTOMERS))
			.withMessageStartingWith("The body is empty");
		assertThatExceptionOfType(UnreadableBodyException.class)
			.isThrownBy(() -> this.batches.json(stream("17"), CUSTOMERS))
			.withMessage("Expected a JSON object or an array of objects, not a number.");
	}

	@Test
	void readsAPlainStringAsACustomersExternalId() {
		try (JsonBody<IncomingHealthScore> json = this.batches.json(stream(
				"{\"customer\":\"org-1\",\"score\":70,\"recordedAt\":\"2026-11-01T00:00:00Z\",\"source\":\"gs\"}"),
				HEALTH_SCORES)) {
			IncomingHealthScore score = json.single().data();
			assertThat(score.customer().externalId()).isEqualTo("org-1");
			assertThat(score.customer().source()).isNull();
		}
	}

	@Test
	void namesAnUnreadableHealthScoreByWhatItCanMakeOut() {
		try (JsonBody<IncomingHealthScore> json = this.batches.json(stream(
				"{\"customer\":{\"externalId\":\"org-1\"},\"score\":70,\"recordedAt\":\"soon\",\"source\":\"gs\"}"),
				HEALTH_SCORES)) {
			assertThat(json.single().key()).isEqualTo("gs:org-1/gs@soon");
			assertThat(json.single().reason())
				.isEqualTo("recordedAt: cannot read 'soon' as a timestamp such as 2026-11-01T09:30:00Z");
		}
	}

	private static InputStream stream(String body) {
		return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
	}

	private static <T> List<T> all(Iterator<T> iterator) {
		List<T> all = new ArrayList<>();
		iterator.forEachRemaining(all::add);
		return all;
	}

}
