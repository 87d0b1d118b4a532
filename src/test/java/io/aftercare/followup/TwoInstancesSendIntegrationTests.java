package io.aftercare.followup;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.aftercare.AftercareApplication;
import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.mail.DeliveryCheck;
import io.aftercare.mail.Handover;
import io.aftercare.mail.MailTransport;
import io.aftercare.mail.OutgoingEmail;
import io.aftercare.shared.RefusedException;
import io.aftercare.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of Aftercare on one database (PostgreSQL when the build runs the
 * integration tests on it, else H2) send through one SMTP server (GreenMail): sends due
 * at the same moment are shared between their send queues, and each email goes out once.
 */
class TwoInstancesSendIntegrationTests {

	private static final String INSTANCE = "aftercare.test.instance";

	private static final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

	private static List<String> database;

	private static GreenMail mail;

	@BeforeAll
	static void start() throws Exception {
		if ("postgres".equals(System.getProperty("aftercare.test.database"))) {
			database = TestDatabase.newDatabaseArguments();
		}
		else {
			database = List.of("--spring.datasource.url=jdbc:h2:mem:aftercare-two-instances-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
	}

	@AfterAll
	static void stop() throws IOException {
		mail.stop();
	}

	@Test
	void twoInstancesShareTheQueueAndSendEachEmailOnce() {
		try (ConfigurableApplicationContext first = instance("first", "always");
				ConfigurableApplicationContext second = instance("second", "never")) {
			Csm admin = first.getBean(CsmDirectory.class).find("admin").orElseThrow();
			FollowUpManagement followUps = first.getBean(FollowUpManagement.class);
			FollowUpSender sender = first.getBean(FollowUpSender.class);
			// Drafted and approved first, then due together a moment from now, so that
			// both instances' queues find them: how long drafting takes does not eat the
			// margin.
			List<Long> approved = new ArrayList<>();
			for (AwaitingFollowUp awaiting : followUps.awaitingFollowUp(admin, Duration.ofDays(3650), 40)) {
				try {
					long id = followUps
						.request(admin, new io.aftercare.customer.CustomerId(awaiting.customerId()),
								new FollowUpRequest(new TicketQuery(awaiting.ticketId(), null, List.of()), null))
						.followUp()
						.id()
						.value();
					followUps.approve(admin, new FollowUpId(id), null);
					approved.add(id);
				}
				catch (RefusedException ex) {
					// A demo customer without a contact to write to, or without a sender.
				}
			}
			Instant due = Instant.now().plusSeconds(3);
			List<Long> queued = new ArrayList<>();
			for (long id : approved) {
				try {
					assertThat(sender.send(admin, new FollowUpId(id), SendTiming.at(due)).result())
						.isEqualTo(SendAttempt.Result.SCHEDULED);
					queued.add(id);
				}
				catch (RefusedException ex) {
					// A demo customer without a sender.
				}
			}
			assertThat(queued).as("follow-ups queued").hasSizeGreaterThanOrEqualTo(8);

			JdbcClient jdbc = first.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> statuses(jdbc, queued).stream().allMatch("SENT"::equals));

			Map<String, Long> perMessageId = mail.findReceivedMessages((user) -> true, (message) -> true)
				.map(TwoInstancesSendIntegrationTests::messageId)
				.collect(Collectors.groupingBy((id) -> id, Collectors.counting()));
			assertThat(perMessageId).as("emails by Message-ID").hasSize(queued.size());
			assertThat(perMessageId.values()).as("each email once").containsOnly(1L);
			assertThat(deliveries.get("first").get() + deliveries.get("second").get()).as("deliveries")
				.isEqualTo(queued.size());
			assertThat(deliveries.values()).as("both instances sent some")
				.allSatisfy((n) -> assertThat(n.get()).isPositive());
		}
	}

	private static List<String> statuses(JdbcClient jdbc, List<Long> ids) {
		return jdbc.sql("select status from support_followups where id in (:ids)")
			.param("ids", ids)
			.query(String.class)
			.list();
	}

	private static String messageId(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ConfigurableApplicationContext instance(String name, String demo) {
		deliveries.put(name, new AtomicInteger());
		List<String> arguments = new ArrayList<>(database);
		arguments.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off", "--aftercare.demo.load=" + demo,
				"--" + INSTANCE + "=" + name, "--aftercare.mail.transport=smtp", "--aftercare.mail.smtp.host=localhost",
				"--aftercare.mail.smtp.port=" + mail.getSmtp().getPort(), "--aftercare.mail.smtp.security=none",
				"--db-scheduler.polling-interval=1s", "--db-scheduler.threads=2"));
		return new SpringApplicationBuilder(AftercareApplication.class, CountingDeliveries.class)
			.run(arguments.toArray(String[]::new));
	}

	/**
	 * Counts each instance's deliveries, and makes each take a moment, as a real mail
	 * server does, so that one instance cannot take the whole batch at once. The real
	 * SMTP transport still sends. Not a {@code @Configuration}: registered by hand above
	 * only.
	 */
	static class CountingDeliveries {

		@Bean
		static BeanPostProcessor countingTransport(Environment environment) {
			String name = environment.getRequiredProperty(INSTANCE);
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof MailTransport transport) ? new Counting(transport, deliveries.get(name))
							: bean;
				}
			};
		}

	}

	private record Counting(MailTransport delegate, AtomicInteger count) implements MailTransport {

		@Override
		public String channel() {
			return this.delegate.channel();
		}

		@Override
		public Handover deliver(OutgoingEmail email) {
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			Handover handover = this.delegate.deliver(email);
			this.count.incrementAndGet();
			return handover;
		}

		@Override
		public DeliveryCheck check(OutgoingEmail email) {
			return this.delegate.check(email);
		}

	}

}
