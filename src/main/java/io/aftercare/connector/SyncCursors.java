package io.aftercare.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.aftercare.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where each backfill and catch-up stands: the vendor's cursor after the last page that
 * was stored, written after every page so that a restart resumes there, and its progress.
 * A sync starts in {@link Phase#BACKFILL} (history) and moves to {@link Phase#CATCH_UP}
 * once it has reached the present.
 */
@Service
public class SyncCursors {

	private final JdbcClient jdbc;

	private final Clock clock;

	SyncCursors(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public enum Phase {

		/** Loading history: resolutions found are announced as a backfill. */
		BACKFILL,
		/** Keeping up with what changes: resolutions found are news. */
		CATCH_UP

	}

	/**
	 * A sync's position. {@code cursor} null: not started. {@code rangeFrom} and
	 * {@code reached}: the time the backfill started from and the time its last page
	 * reached, when the vendor's cursor follows time.
	 */
	public record Position(String name, String cursor, Phase phase, long pages, long records, Instant startedAt,
			Instant updatedAt, Instant phaseStartedAt, long phasePages, long phaseRecords, Instant rangeFrom,
			Instant reached, String lastError) {

	}

	public Optional<Position> find(String name) {
		return this.jdbc.sql("select * from sync_cursors where name = :name")
			.param("name", name)
			.query((rs, i) -> new Position(rs.getString("name"), rs.getString("cursor_value"),
					Phase.valueOf(rs.getString("phase")), rs.getLong("pages"), rs.getLong("records"),
					SqlTime.instant(rs, "started_at"), SqlTime.instant(rs, "updated_at"),
					SqlTime.instant(rs, "phase_started_at"), rs.getLong("phase_pages"), rs.getLong("phase_records"),
					SqlTime.instant(rs, "range_from"), SqlTime.instant(rs, "reached"), rs.getString("last_error")))
			.optional();
	}

	/** Starts a sync as a backfill from {@code from}, unless it was started before. */
	public Position start(String name, Instant from) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into sync_cursors (name, cursor_value, phase, started_at, updated_at, phase_started_at,
				    range_from)
				values (:name, null, 'BACKFILL', :now, :now, :now, :from)
				on conflict do nothing
				""").param("name", name).param("now", SqlTime.utc(now)).param("from", SqlTime.utc(from)).update();
		return find(name).orElseThrow();
	}

	/**
	 * Records a page stored: the cursor to continue from, how many records it had, the
	 * time it reached and whether the sync has now caught up with the present.
	 */
	public void pageStored(String name, String cursor, int records, Instant reached, boolean caughtUp) {
		Instant now = this.clock.instant();
		Position before = find(name).orElseThrow();
		boolean phaseChanges = caughtUp && before.phase() == Phase.BACKFILL;
		this.jdbc.sql("""
				update sync_cursors set cursor_value = :cursor, pages = pages + 1, records = records + :records,
				    phase_pages = case when :newPhase then 0 else phase_pages + 1 end,
				    phase_records = case when :newPhase then 0 else phase_records + :records end,
				    phase = :phase, phase_started_at = case when :newPhase then :now else phase_started_at end,
				    reached = coalesce(:reached, reached), updated_at = :now, last_error = null
				where name = :name
				""")
			.param("cursor", cursor)
			.param("records", records)
			.param("newPhase", phaseChanges)
			.param("phase", (caughtUp ? Phase.CATCH_UP : before.phase()).name())
			.param("now", SqlTime.utc(now))
			.param("reached", SqlTime.utc(reached))
			.param("name", name)
			.update();
	}

	/**
	 * Notes why the last run stopped early; the next run starts from the stored cursor.
	 */
	public void failed(String name, String reason) {
		this.jdbc.sql("update sync_cursors set last_error = :reason, updated_at = :now where name = :name")
			.param("reason", (reason != null && reason.length() > 1000) ? reason.substring(0, 1000) : reason)
			.param("now", SqlTime.utc(this.clock.instant()))
			.param("name", name)
			.update();
	}

	/** Forgets a sync, so that its next run starts the backfill again. */
	public void reset(String name) {
		this.jdbc.sql("delete from sync_cursors where name = :name").param("name", name).update();
	}

	public List<Progress> progress() {
		return this.jdbc.sql("select name from sync_cursors order by name")
			.query(String.class)
			.list()
			.stream()
			.map(this::find)
			.flatMap(Optional::stream)
			.map((position) -> Progress.of(position, this.clock.instant()))
			.toList();
	}

	/**
	 * How a sync is doing: pages and records so far, the rate of its current phase, and
	 * for a backfill that follows time, how far it got and how long it will take yet.
	 */
	public record Progress(String name, Phase phase, long pages, long records, long phasePages, long phaseRecords,
			double recordsPerSecond, Instant reached, Double percentDone, Duration estimatedTimeLeft, Instant updatedAt,
			String lastError) {

		static Progress of(Position p, Instant now) {
			double seconds = Math.max(1, Duration.between(p.phaseStartedAt(), p.updatedAt()).toMillis() / 1000.0);
			double rate = p.phaseRecords() / seconds;
			Double percent = null;
			Duration left = null;
			if (p.phase() == Phase.BACKFILL && p.rangeFrom() != null && p.reached() != null) {
				double span = Duration.between(p.rangeFrom(), now).toSeconds();
				double covered = Duration.between(p.rangeFrom(), p.reached()).toSeconds();
				if (span > 0 && covered > 0) {
					double fraction = Math.min(1, covered / span);
					percent = Math.round(fraction * 1000) / 10.0;
					left = Duration.ofSeconds((long) (seconds * (1 - fraction) / fraction));
				}
			}
			else if (p.phase() == Phase.CATCH_UP) {
				percent = 100.0;
				left = Duration.ZERO;
			}
			return new Progress(p.name(), p.phase(), p.pages(), p.records(), p.phasePages(), p.phaseRecords(),
					Math.round(rate * 10) / 10.0, p.reached(), percent, left, p.updatedAt(), p.lastError());
		}

		/** One line for the log. */
		public String line() {
			return this.name + " " + this.phase + ": " + this.phasePages + " pages, " + this.phaseRecords + " records, "
					+ this.recordsPerSecond + " records/s"
					+ ((this.percentDone != null) ? ", " + this.percentDone + "% done" : "")
					+ ((this.estimatedTimeLeft != null && this.phase == Phase.BACKFILL)
							? ", about " + this.estimatedTimeLeft.toMinutes() + " min left" : "");
		}

	}

}
