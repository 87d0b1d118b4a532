package io.aftercare.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.aftercare.chat.intent.TimeWindow;
import io.aftercare.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores each CSM's conversation in {@code chat_messages}. Choices are kept as lines of
 * {@code label<TAB>command}.
 */
@Repository
class ChatMessages {

	private final JdbcClient jdbc;

	ChatMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ChatEntry append(ChatEntry entry) {
		return append(entry, null);
	}

	/** Whether the conversation has the notice of this reminder falling due. */
	boolean hasNotice(long reminderId) {
		return this.jdbc.sql("select count(*) from chat_messages where reminder_id = :id")
			.param("id", reminderId)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether a notice about this follow-up was written for this moment already. */
	boolean hasFollowUpNotice(long followUpId, java.time.Instant at) {
		return this.jdbc.sql("""
				select count(*) from chat_messages where followup_id = :id and created_at = :at and author = 'AFTERCARE'
				""")
			.param("id", followUpId)
			.param("at", io.aftercare.shared.SqlTime.utc(at))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * A notice about a follow-up (an answer, a bounce), once per follow-up and moment.
	 */
	ChatEntry appendFollowUpNotice(ChatEntry entry) {
		return append(entry, null);
	}

	/**
	 * The notice of a reminder falling due; at most one per reminder (a unique index).
	 */
	ChatEntry appendNotice(ChatEntry entry, long reminderId) {
		return append(entry, reminderId);
	}

	private ChatEntry append(ChatEntry entry, Long reminderId) {
		var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into chat_messages (username, author, kind, text, followup_id, customer_id, choices, created_at,
				    reminder_id, topic, window_from, window_to)
				values (:username, :author, :kind, :text, :followUp, :customer, :choices, :at, :reminder, :topic, :from,
				    :to)
				""")
			.param("reminder", reminderId)
			.param("username", entry.username())
			.param("author", entry.author().name())
			.param("kind", entry.kind().name())
			.param("text",
					(entry.text() != null && entry.text().length() > 4000) ? entry.text().substring(0, 4000)
							: entry.text())
			.param("followUp", entry.followUpId())
			.param("customer", entry.customerId())
			.param("choices", encode(entry.choices()))
			.param("at", SqlTime.utc(entry.createdAt()))
			.param("topic", (entry.topic() != null) ? entry.topic().name() : null)
			.param("from", (entry.window() != null) ? SqlTime.utc(entry.window().from()) : null)
			.param("to",
					(entry.window() != null && entry.window().to() != null) ? SqlTime.utc(entry.window().to()) : null)
			.update(key, "id");
		return new ChatEntry(key.getKeyAs(Number.class).longValue(), entry.username(), entry.author(), entry.kind(),
				entry.text(), entry.followUpId(), entry.customerId(), entry.choices(), entry.createdAt(), entry.topic(),
				entry.window());
	}

	/** The last {@code limit} messages of the CSM's conversation, oldest first. */
	List<ChatEntry> recent(String username, int limit) {
		List<ChatEntry> newestFirst = new ArrayList<>(this.jdbc.sql("""
				select * from chat_messages where username = :username order by id desc limit :limit
				""").param("username", username).param("limit", limit).query(ChatMessages::entry).list());
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	/** The follow-up the CSM looked at last: the one "Send" or "remind me" refers to. */
	Optional<Long> followUpInView(String username) {
		return this.jdbc.sql("""
				select followup_id from chat_messages where username = :username and followup_id is not null
				order by id desc limit 1
				""").param("username", username).query(Long.class).optional();
	}

	/**
	 * What the conversation is about now: the follow-up, the customer and the topic of
	 * the latest answers that had one.
	 */
	InView inView(String username) {
		Long followUp = followUpInView(username).orElse(null);
		Long customer = this.jdbc.sql("""
				select customer_id from chat_messages where username = :username and customer_id is not null
				order by id desc limit 1
				""").param("username", username).query(Long.class).optional().orElse(null);
		ChatEntry topic = this.jdbc.sql("""
				select * from chat_messages where username = :username and topic is not null
				order by id desc limit 1
				""").param("username", username).query(ChatMessages::entry).optional().orElse(null);
		return new InView(followUp, customer, (topic != null) ? topic.topic() : null,
				(topic != null) ? topic.window() : null);
	}

	private static String encode(List<ChatEntry.Choice> choices) {
		if (choices.isEmpty()) {
			return null;
		}
		return String.join("\n",
				choices.stream().map((c) -> oneLine(c.label()) + "\t" + oneLine(c.command())).toList());
	}

	private static String oneLine(String text) {
		return text.replaceAll("[\\t\\r\\n]+", " ");
	}

	private static List<ChatEntry.Choice> decode(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		return text.lines()
			.map((line) -> line.split("\t", 2))
			.map((parts) -> new ChatEntry.Choice(parts[0], parts[1]))
			.toList();
	}

	private static ChatEntry entry(ResultSet rs, int row) throws SQLException {
		long followUp = rs.getLong("followup_id");
		Long followUpId = rs.wasNull() ? null : followUp;
		long customer = rs.getLong("customer_id");
		Long customerId = rs.wasNull() ? null : customer;
		String topic = rs.getString("topic");
		Instant from = SqlTime.instant(rs, "window_from");
		return new ChatEntry(rs.getLong("id"), rs.getString("username"),
				ChatEntry.Author.valueOf(rs.getString("author")), ChatEntry.Kind.valueOf(rs.getString("kind")),
				rs.getString("text"), followUpId, customerId, decode(rs.getString("choices")),
				SqlTime.instant(rs, "created_at"), (topic != null) ? ChatEntry.Topic.valueOf(topic) : null,
				(from != null) ? new TimeWindow(from, SqlTime.instant(rs, "window_to")) : null);
	}

}
