package io.aftercare.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.aftercare.chat.intent.Book;
import io.aftercare.chat.intent.ContactName;
import io.aftercare.chat.intent.CustomerName;
import io.aftercare.chat.intent.Intent;
import io.aftercare.chat.intent.IntentParser;

/**
 * What typing costs the chat's deterministic parser: 2,000-character messages (the
 * longest the chat keeps) read against a book of 5,000 customers with three contacts
 * each, as {@code chat.Conversation} does on every turn: the names read from the database
 * are compared with those of the book kept for the CSM ({@code chat.Books}), and the
 * message is parsed; the book is built only on a CSM's first turn or after their book
 * changed, measured apart. The database read itself is not part of this run (see
 * docs/performance.md). Prints Markdown.
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.aftercare.bench.ChatTypingRun
 * </pre>
 *
 * Properties: {@code bench.customers} [5000], {@code bench.rounds} [300],
 * {@code bench.warmup} [300], {@code bench.builds} [10].
 */
public final class ChatTypingRun {

	private static final int LONGEST_MESSAGE = 2000;

	private static final Instant NOW = Instant.parse("2026-05-20T10:00:00Z");

	private static final String[] FIRST = { "Tech", "Acme", "North", "Bright", "Pinnacle", "Harbor", "Green", "Summit",
			"Orbit", "Cobalt", "River", "Lumen", "Maple", "Vertex", "Cedar", "Atlas", "Blue", "Crest", "Delta", "Echo",
			"Falcon", "Granite", "Helix", "Iron", "Juniper", "Keystone", "Lake", "Meridian", "Nova", "Oak" };

	private static final String[] SECOND = { "Flow", "Works", "Systems", "Traders", "Dental", "Logistics", "Credit",
			"Organics", "Health", "Media", "Manufacturing", "Analytics", "Bakery", "Financial", "Hospitality",
			"Freight", "Labs", "Partners", "Networks", "Energy", "Foods", "Retail", "Cloud", "Security", "Studios" };

	private static final String[] SUFFIX = { "", " Inc", " LLC", " Corp", " Ltd", " Group", " & Co" };

	private static final String[] PEOPLE = { "David", "Maria", "Priya", "Jordan", "Rachel", "Tom", "Ben", "Sofia",
			"Hannah", "Emily", "Kevin", "Grace", "Raj", "Luis", "Anna", "Sarah", "Oscar", "Linda", "James", "Zoe" };

	private static final String[] SURNAMES = { "Park", "Gonzalez", "Shah", "Miles", "Kim", "Becker", "Okafor", "Lind",
			"Weiss", "Ross", "Marsh", "Thompson", "Malhotra", "Herrera", "Kowalski", "Nguyen", "Reyes", "Carter" };

	private ChatTypingRun() {
	}

	public static void main(String[] args) {
		int customers = Integer.getInteger("bench.customers", 5000);
		int rounds = Integer.getInteger("bench.rounds", 300);
		int warmup = Integer.getInteger("bench.warmup", 300);
		Random random = new Random(52);
		List<CustomerName> names = new ArrayList<>();
		List<ContactName> contacts = new ArrayList<>();
		long contactId = 1;
		for (int i = 1; i <= customers; i++) {
			String name = FIRST[random.nextInt(FIRST.length)] + SECOND[random.nextInt(SECOND.length)]
					+ ((i % 3 == 0) ? "" : " " + SECOND[random.nextInt(SECOND.length)])
					+ SUFFIX[random.nextInt(SUFFIX.length)] + ((i > 750) ? " " + i : "");
			names.add(new CustomerName(i, (i == 1) ? "TechFlow" : name));
			for (int c = 0; c < 3; c++) {
				contacts.add(new ContactName(contactId++, i,
						PEOPLE[random.nextInt(PEOPLE.length)] + " " + SURNAMES[random.nextInt(SURNAMES.length)]));
			}
		}
		String customerAtTheEnd = named("follow up with TechFlow on their API ticket pls");
		String typos = named("folow up w/ Tehcflow re: the sync isue from last week");
		String nobody = fill("the weather was nice and the team had lunch by the river ");
		String manyNames = manyNames(names, random);
		String pasted = pastedTicket();
		List<Case> cases = List.of(new Case("named at the end, after a pasted paragraph", customerAtTheEnd),
				new Case("typos, abbreviations, a time phrase", typos), new Case("nothing the chat knows", nobody),
				new Case("dozens of customer names of the book", manyNames),
				new Case("a pasted ticket thread (numbers, dates)", pasted));

		IntentParser parser = new IntentParser();
		System.out.printf(Locale.ROOT, "%d customers, %d contacts; messages of %d characters; %d rounds after %d%n%n",
				names.size(), contacts.size(), LONGEST_MESSAGE, rounds, warmup);

		// A CSM's first turn, or the first after their book changed: the book is built.
		int builds = Integer.getInteger("bench.builds", 10);
		Book book = null;
		long[] building = new long[builds];
		for (int i = 0; i < builds; i++) {
			long start = System.nanoTime();
			book = Book.of(names, contacts);
			building[i] = System.nanoTime() - start;
		}
		System.out.printf(Locale.ROOT,
				"Book built (first turn, or the book changed): median %.0f ms, max %.0f ms " + "over %d builds%n%n",
				ms(percentile(building, 50)), ms(percentile(building, 100)), builds);

		// Every other turn: the names read afresh are compared with the kept book's, then
		// the message is parsed.
		System.out.println("| message | parsed as | names compared: median ms | parse: median ms | parse: p99 ms "
				+ "| turn: max ms |");
		System.out.println("|---|---|---:|---:|---:|---:|");
		for (Case c : cases) {
			for (int i = 0; i < warmup; i++) {
				parser.parse(c.text(), book, NOW);
			}
			long[] comparing = new long[rounds];
			long[] parsing = new long[rounds];
			long[] both = new long[rounds];
			Intent intent = null;
			for (int i = 0; i < rounds; i++) {
				List<CustomerName> read = new ArrayList<>(names);
				List<ContactName> readContacts = new ArrayList<>(contacts);
				long start = System.nanoTime();
				if (!read.equals(names) || !readContacts.equals(contacts)) {
					throw new IllegalStateException("the book changed");
				}
				long compared = System.nanoTime();
				intent = parser.parse(c.text(), book, NOW);
				long parsed = System.nanoTime();
				comparing[i] = compared - start;
				parsing[i] = parsed - compared;
				both[i] = parsed - start;
			}
			System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.2f |%n", c.label(),
					intent.getClass().getSimpleName(), ms(percentile(comparing, 50)), ms(percentile(parsing, 50)),
					ms(percentile(parsing, 99)), ms(percentile(both, 100)));
		}
	}

	private record Case(String label, String text) {
	}

	/** A long paragraph of small talk with the request at its end. */
	private static String named(String request) {
		String filler = fill("We had a call with the ops team this morning and everything looks stable again. ");
		return filler.substring(0, LONGEST_MESSAGE - request.length() - 1) + " " + request;
	}

	private static String fill(String sentence) {
		return sentence.repeat(LONGEST_MESSAGE / sentence.length() + 1).substring(0, LONGEST_MESSAGE);
	}

	private static String manyNames(List<CustomerName> names, Random random) {
		StringBuilder text = new StringBuilder("Status round-up: ");
		while (text.length() < LONGEST_MESSAGE) {
			text.append(names.get(random.nextInt(names.size())).name()).append(" is fine, ");
		}
		return text.substring(0, LONGEST_MESSAGE);
	}

	private static String pastedTicket() {
		String[] lines = { "TF-2024-0847 opened May 3 by David Park: API rate limiting causing sync failures.",
				"Escalated to engineering on May 4, 429s on bulk export since 09:14 UTC.",
				"Rate limits increased 3x on May 7, optimization guide provided; see ticket #4471 and #4472.",
				"Customer confirmed on 2024-05-08 that the nightly sync at 02:00 completes in 14 minutes." };
		StringBuilder text = new StringBuilder();
		int i = 0;
		while (text.length() < LONGEST_MESSAGE) {
			text.append(lines[i++ % lines.length]).append(' ');
		}
		return text.substring(0, LONGEST_MESSAGE);
	}

	private static long percentile(long[] values, int p) {
		long[] sorted = Arrays.copyOf(values, values.length);
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}

}
