package io.aftercare.ticket;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentTicketsTests {

	@Test
	void readsAStatusListThatNamesNoStatusAsAllStatuses() {
		// What "?status=,," and "?status=%20" bind to.
		RecentTickets recent = new RecentTickets(new HashSet<>(Arrays.asList(null, TicketStatus.SOLVED)), Instant.now(),
				10);
		assertThat(recent.statuses()).containsExactly(TicketStatus.SOLVED);
		assertThat(new RecentTickets(new HashSet<>(Arrays.asList((TicketStatus) null)), Instant.now(), 10).statuses())
			.isEmpty();
	}

}
