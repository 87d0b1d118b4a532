package io.aftercare.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.aftercare.account.CsmRole;
import io.aftercare.customer.CustomerTier;
import io.aftercare.customer.HealthRecord;
import io.aftercare.demo.DemoData.CustomerData;
import io.aftercare.demo.DemoData.TicketData;
import io.aftercare.ticket.CommentAuthor;
import io.aftercare.ticket.ParticipantSide;
import io.aftercare.ticket.TicketPriority;
import io.aftercare.ticket.TicketRecord;
import io.aftercare.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class DemoDataTests {

	static final Instant NOW = Instant.parse("2025-03-10T15:00:00Z");

	final DemoData data = DemoData.read(DemoWorkspace.DATA);

	@Test
	void bringsThreeUsersWhoseNamesOtherModulesRelyOn() {
		assertThat(this.data.users()).extracting(DemoData.User::username).containsExactly("sam", "alex", "admin");
		DemoData.User sam = this.data.users().get(0);
		assertThat(sam.toNewCsm().displayName()).isEqualTo("Sam Rivera");
		assertThat(sam.toNewCsm().phone()).isEqualTo("+1 (415) 555-0142");
		assertThat(sam.toNewCsm().password()).isEqualTo("demo");
		assertThat(this.data.users().get(2).role()).isEqualTo(CsmRole.ADMIN);
	}

	@Test
	void splitsThirtyOneCustomersBetweenSamAndAlex() {
		Map<String, Long> perOwner = this.data.customers()
			.stream()
			.collect(Collectors.groupingBy(CustomerData::owner, Collectors.counting()));
		assertThat(perOwner).containsExactlyInAnyOrderEntriesOf(Map.of("sam", 16L, "alex", 15L));
		assertThat(this.data.customers()).extracting(CustomerData::tier).contains(CustomerTier.values());
	}

	@Test
	void datesTechFlowFromTheMomentOfLoading() {
		CustomerData techflow = customer("techflow");
		assertThat(techflow.toRecord(NOW).renewalDate()).isEqualTo(LocalDate.parse("2025-08-07"));
		TicketRecord ticket = ticket(techflow, "TF-2024-0847");
		assertThat(ticket.openedAt()).isEqualTo(NOW.minus(Duration.ofDays(8)));
		assertThat(Duration.between(ticket.openedAt(), ticket.resolvedAt())).isEqualTo(Duration.ofDays(4));
		assertThat(ticket.priority()).isEqualTo(TicketPriority.HIGH);
		assertThat(ticket.status()).isEqualTo(TicketStatus.SOLVED);
		assertThat(ticket.escalated()).isTrue();
		assertThat(ticket.escalatedTo()).isEqualTo("Engineering");
		assertThat(ticket.requester().externalId()).isEqualTo("techflow/david");
		assertThat(ticket.tags()).containsExactly("api", "rate-limit", "sync");
		assertThat(ticket.participants()).extracting((p) -> p.name() + "/" + p.side())
			.containsExactly("David Park/CUSTOMER", "Maria Gonzalez/CUSTOMER", "Priya Shah/CUSTOMER",
					"Jamie Ortiz/VENDOR", "Oliver Grant/VENDOR");
		assertThat(ticket.comments()).extracting((c) -> c.author() + (c.publicComment() ? "" : " (internal)"))
			.containsExactly("CUSTOMER", "AGENT (internal)", "CUSTOMER", "AGENT", "CUSTOMER");
		assertThat(ticket.comments()).allMatch((c) -> !c.createdAt().isAfter(NOW));
		assertThat(ticket.comments().get(2).body()).startsWith("This is the third day our syncs are failing");
	}

	@Test
	void recordsTechFlowsHealthWeeklyUntilNow() {
		List<HealthRecord> health = customer("techflow").healthRecords(NOW);
		assertThat(health).hasSize(14);
		assertThat(health.get(13).entry().recordedAt()).isEqualTo(NOW);
		assertThat(health.get(0).entry().recordedAt()).isEqualTo(NOW.minus(Duration.ofDays(91)));
		assertThat(health.get(12).entry().recordedAt()).isEqualTo(NOW.minus(Duration.ofDays(7)));
		assertThat(health.get(11).entry().score() - health.get(12).entry().score()).isEqualTo(6);
	}

	@Test
	void countsAReopeningOnce() {
		TicketRecord reopened = ticket(customer("initech"), "IN-2024-0342");
		assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(reopened.reopenCount()).isEqualTo(1);
		assertThat(reopened.reopenedAt()).isEqualTo(NOW.minus(Duration.ofDays(3)));
		assertThat(reopened.resolvedAt()).isNull();
		TicketRecord solvedAgain = ticket(customer("summit"), "SH-2024-0410");
		assertThat(solvedAgain.reopenCount()).isEqualTo(1);
		assertThat(solvedAgain.reopenedAt()).isBefore(solvedAgain.resolvedAt());
	}

	@Test
	void keepsEveryTimeOfEveryTicketInThePast() {
		for (CustomerData customer : this.data.customers()) {
			for (TicketData data : customer.tickets()) {
				TicketRecord ticket = data.toRecord(customer, this.data::staffMember, NOW);
				assertThat(ticket.resolvedAt() == null || !ticket.resolvedAt().isAfter(NOW)).isTrue();
				assertThat(ticket.comments()).allMatch((c) -> !c.createdAt().isAfter(NOW));
				assertThat(ticket.participants()).filteredOn((p) -> p.side() == ParticipantSide.CUSTOMER).isNotEmpty();
				assertThat(ticket.comments()).filteredOn((c) -> c.author() == CommentAuthor.CUSTOMER).isNotEmpty();
			}
		}
	}

	@Test
	void refusesATicketSolvedInTheFuture() {
		String yaml = workspace("""
				      tickets:
				        - number: X-1
				          subject: Broken
				          priority: normal
				          status: solved
				          opened-ago: 1d
				          solved-after: 2d
				""");
		assertThatException().isThrownBy(() -> DemoData.read(resource(yaml)))
			.havingRootCause()
			.withMessage("ticket X-1 would be solved in the future");
	}

	@Test
	void refusesATicketOfSomeoneWhoIsNoContact() {
		String yaml = workspace("""
				      tickets:
				        - number: X-1
				          subject: Broken
				          priority: normal
				          status: open
				          opened-ago: 1d
				          requester: nobody
				""");
		assertThatException().isThrownBy(() -> DemoData.read(resource(yaml)))
			.havingRootCause()
			.withMessage("ticket X-1 names 'nobody', who is no contact of x");
	}

	private static String workspace(String tickets) {
		return """
				workspace:
				  users:
				    - username: sam
				      role: csm
				  customers:
				    - id: x
				      name: X
				      tier: smb
				      owner: sam
				      contacts:
				        - key: ann
				          name: Ann
				          primary: true
				""" + tickets;
	}

	private static ByteArrayResource resource(String yaml) {
		return new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test workspace");
	}

	private CustomerData customer(String id) {
		return this.data.customers().stream().collect(Collectors.toMap(CustomerData::id, Function.identity())).get(id);
	}

	private TicketRecord ticket(CustomerData customer, String number) {
		return customer.tickets()
			.stream()
			.filter((t) -> t.number().equals(number))
			.findFirst()
			.orElseThrow()
			.toRecord(customer, this.data::staffMember, NOW);
	}

}
