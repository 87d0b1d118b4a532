package io.aftercare.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import io.aftercare.account.CsmRole;
import io.aftercare.account.NewCsm;
import io.aftercare.customer.ContactRecord;
import io.aftercare.customer.CustomerRecord;
import io.aftercare.customer.CustomerTier;
import io.aftercare.customer.HealthEntry;
import io.aftercare.customer.HealthRecord;
import io.aftercare.shared.SourceKey;
import io.aftercare.ticket.CommentAuthor;
import io.aftercare.ticket.Participant;
import io.aftercare.ticket.ParticipantSide;
import io.aftercare.ticket.TicketComment;
import io.aftercare.ticket.TicketPriority;
import io.aftercare.ticket.TicketRecord;
import io.aftercare.ticket.TicketStatus;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.Resource;

/**
 * The demo workspace as written in {@code demo/workspace.yml}: users, the support team
 * and the customers with their contacts, health history and tickets. Every time is
 * relative, so the records it hands to the ingestion doors are dated from the moment of
 * loading. The constructors check the file's cross-references and time line, so a mistake
 * in it fails on reading, not halfway through a load.
 */
record DemoData(List<User> users, List<SupportPerson> supportTeam, List<CustomerData> customers) {

	/** Source system of everything the demo loads. */
	static final String SOURCE = "demo";

	/** Every demo user's password, fit for a demo workspace only. */
	static final String PASSWORD = "demo";

	DemoData {
		users = listOf(users);
		supportTeam = listOf(supportTeam);
		customers = listOf(customers);
		Set<String> usernames = unique(users, User::username, "user");
		Set<String> staff = unique(supportTeam, SupportPerson::key, "support team member");
		unique(customers, CustomerData::id, "customer id");
		unique(customers.stream().flatMap((c) -> c.tickets().stream()).toList(), TicketData::number, "ticket number");
		for (CustomerData customer : customers) {
			require(customer.owner() == null || usernames.contains(customer.owner()),
					"customer '%s' is owned by unknown user '%s'", customer.id(), customer.owner());
			for (TicketData ticket : customer.tickets()) {
				ticket.agentKeys()
					.forEach((agent) -> require(staff.contains(agent), "ticket %s names unknown agent '%s'",
							ticket.number(), agent));
			}
		}
	}

	static DemoData read(Resource resource) {
		try {
			var sources = new YamlPropertySourceLoader().load(resource.getDescription(), resource);
			return new Binder(ConfigurationPropertySources.from(sources)).bind("workspace", Bindable.of(DemoData.class))
				.orElseThrow(() -> new IllegalStateException(resource.getDescription() + " has no workspace"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the demo workspace " + resource.getDescription(), ex);
		}
	}

	int ticketCount() {
		return this.customers.stream().mapToInt((customer) -> customer.tickets().size()).sum();
	}

	SupportPerson staffMember(String key) {
		return this.supportTeam.stream().filter((p) -> p.key().equals(key)).findFirst().orElseThrow();
	}

	/** A user of the demo workspace; all share the password {@value #PASSWORD}. */
	record User(String username, String displayName, String email, String phone, CsmRole role) {

		User {
			require(username != null && !username.isBlank(), "a demo user needs a username");
			require(role != null, "demo user '%s' needs a role", username);
		}

		NewCsm toNewCsm() {
			return new NewCsm(this.username, this.displayName, this.email, this.phone, PASSWORD, this.role);
		}

	}

	/** Someone on our side of a ticket: a support agent or an engineer. */
	record SupportPerson(String key, String name, String email, String role) {

		SupportPerson {
			require(key != null && name != null, "a support team member needs a key and a name");
		}

		Participant toParticipant() {
			return new Participant(this.name, this.email, ParticipantSide.VENDOR, this.role);
		}

	}

	record CustomerData(String id, String name, CustomerTier tier, BigDecimal arr, Integer employees, int renewsInDays,
			String owner, boolean atRisk, List<Integer> weeklyHealth, List<ContactData> contacts,
			List<TicketData> tickets) {

		CustomerData {
			require(id != null && !id.isBlank(), "a demo customer needs an id");
			weeklyHealth = listOf(weeklyHealth);
			contacts = listOf(contacts);
			tickets = listOf(tickets);
			Set<String> people = unique(contacts, ContactData::key, "contact of " + id);
			require(contacts.stream().filter(ContactData::primary).count() == 1,
					"customer '%s' needs exactly one primary contact", id);
			for (TicketData ticket : tickets) {
				ticket.contactKeys()
					.forEach((key) -> require(people.contains(key), "ticket %s names '%s', who is no contact of %s",
							ticket.number(), key, id));
			}
		}

		SourceKey key() {
			return new SourceKey(SOURCE, this.id);
		}

		SourceKey contactKey(String contact) {
			return new SourceKey(SOURCE, this.id + "/" + contact);
		}

		ContactData contact(String key) {
			return this.contacts.stream().filter((c) -> c.key().equals(key)).findFirst().orElseThrow();
		}

		CustomerRecord toRecord(Instant now) {
			LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
			return new CustomerRecord(key(), this.name, this.tier, this.arr, this.employees,
					today.plusDays(this.renewsInDays), this.owner, this.atRisk);
		}

		List<ContactRecord> contactRecords() {
			return this.contacts.stream()
				.map((c) -> new ContactRecord(contactKey(c.key()), key(), c.name(), c.email(), c.role(), c.primary(),
						c.timeZone()))
				.toList();
		}

		/** One score a week, the last one recorded {@code now}. */
		List<HealthRecord> healthRecords(Instant now) {
			List<HealthRecord> records = new ArrayList<>();
			int weeks = this.weeklyHealth.size();
			for (int i = 0; i < weeks; i++) {
				Instant recordedAt = now.minus(Duration.ofDays(7L * (weeks - 1 - i)));
				records.add(new HealthRecord(key(), new HealthEntry(this.weeklyHealth.get(i), recordedAt, SOURCE)));
			}
			return records;
		}

	}

	record ContactData(String key, String name, String email, String role, boolean primary, String timeZone) {

		ContactData {
			require(key != null && name != null, "a demo contact needs a key and a name");
		}

	}

	record TicketData(String number, String subject, String description, String area, TicketPriority priority,
			TicketStatus status, Duration openedAgo, Duration solvedAfter, Duration reopenedAfter, String requester,
			List<String> cc, List<String> agents, String escalatedTo, String resolution, String satisfaction,
			List<String> tags, List<CommentData> comments) {

		TicketData {
			require(number != null && !number.isBlank(), "a demo ticket needs a number");
			require(status != null && openedAgo != null, "ticket %s needs a status and opened-ago", number);
			cc = listOf(cc);
			agents = listOf(agents);
			tags = listOf(tags);
			comments = listOf(comments);
			if (status.isResolved()) {
				require(solvedAfter != null, "ticket %s is %s, so it needs solved-after", number, status);
				require(solvedAfter.compareTo(openedAgo) <= 0, "ticket %s would be solved in the future", number);
				require(reopenedAfter == null || reopenedAfter.compareTo(solvedAfter) < 0,
						"ticket %s is reopened after its final solution", number);
			}
			else {
				require(solvedAfter == null, "ticket %s is %s, so it has no solved-after", number, status);
				require(reopenedAfter == null || reopenedAfter.compareTo(openedAgo) <= 0,
						"ticket %s would be reopened in the future", number);
			}
			for (CommentData comment : comments) {
				require(comment.after().compareTo(openedAgo) <= 0, "a comment on ticket %s lies in the future", number);
			}
		}

		Stream<String> contactKeys() {
			return Stream
				.of(Stream.ofNullable(this.requester), this.cc.stream(),
						this.comments.stream().map(CommentData::from).filter(Objects::nonNull))
				.flatMap(Function.identity());
		}

		Stream<String> agentKeys() {
			return Stream.concat(this.agents.stream(),
					this.comments.stream().map(CommentData::agent).filter(Objects::nonNull));
		}

		TicketRecord toRecord(CustomerData customer, Function<String, SupportPerson> staff, Instant now) {
			Instant openedAt = now.minus(this.openedAgo);
			Instant resolvedAt = (this.solvedAfter != null) ? openedAt.plus(this.solvedAfter) : null;
			Instant reopenedAt = (this.reopenedAfter != null) ? openedAt.plus(this.reopenedAfter) : null;
			List<Participant> participants = new ArrayList<>();
			Stream.concat(Stream.ofNullable(this.requester), this.cc.stream())
				.map(customer::contact)
				.forEach((c) -> participants
					.add(new Participant(c.name(), c.email(), ParticipantSide.CUSTOMER, c.role())));
			this.agents.stream().map(staff).forEach((p) -> participants.add(p.toParticipant()));
			List<TicketComment> records = new ArrayList<>();
			for (int i = 0; i < this.comments.size(); i++) {
				CommentData comment = this.comments.get(i);
				String author = (comment.from() != null) ? customer.contact(comment.from()).name()
						: staff.apply(comment.agent()).name();
				records.add(new TicketComment(this.number + "/" + (i + 1),
						(comment.from() != null) ? CommentAuthor.CUSTOMER : CommentAuthor.AGENT, author,
						!comment.internal(), comment.body(), openedAt.plus(comment.after())));
			}
			return new TicketRecord(new SourceKey(SOURCE, this.number), customer.key(), this.number, this.subject,
					this.description, this.area, this.priority, this.status, openedAt, resolvedAt, reopenedAt,
					(reopenedAt != null) ? 1 : 0, (this.requester != null) ? customer.contactKey(this.requester) : null,
					this.escalatedTo != null, this.escalatedTo, this.resolution, this.satisfaction, this.tags,
					participants, records);
		}

	}

	/**
	 * A comment {@code after} the ticket's opening, either {@code from} a contact of the
	 * customer or by an {@code agent} of the support team.
	 */
	record CommentData(Duration after, String from, String agent, boolean internal, String body) {

		CommentData {
			after = (after != null) ? after : Duration.ZERO;
			require((from == null) != (agent == null), "a comment is either from a contact or by an agent: %s", body);
			require(body != null && !body.isBlank(), "a comment needs a body");
		}

	}

	private static <T> List<T> listOf(List<T> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

	private static <T> Set<String> unique(List<T> items, Function<T, String> key, String what) {
		Set<String> seen = new HashSet<>();
		List<String> duplicates = items.stream().map(key).filter((k) -> !seen.add(k)).toList();
		require(duplicates.isEmpty(), "duplicate %s: %s", what, duplicates);
		return seen;
	}

	private static void require(boolean condition, String message, Object... args) {
		if (!condition) {
			throw new IllegalArgumentException(message.formatted(args));
		}
	}

}
