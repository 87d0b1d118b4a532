package io.aftercare.bench;

import java.io.File;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.drafting.Draft;
import io.aftercare.drafting.DraftRequest;
import io.aftercare.drafting.DraftRequest.OtherTicket;
import io.aftercare.drafting.HtmlBody;
import io.aftercare.drafting.Language;
import io.aftercare.drafting.TemplateDraftWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The CPU of writing one follow-up email without a model: the text from its template and
 * the HTML part around it, as every {@code POST …/ticket-followup} does (the HTML once
 * more for the API's answer). A major follow-up that names a second ticket, in English
 * and in German. Figures in {@code docs/performance.md}.
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.aftercare.bench.DraftWritingBench
 * </pre>
 * <p>
 * One benchmark alone: {@code -Dexec.args=htmlPart}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DraftWritingBench {

	private final TemplateDraftWriter writer = new TemplateDraftWriter();

	private final HtmlBody html = new HtmlBody();

	private final DraftRequest english = request(Language.ENGLISH);

	private final DraftRequest german = request(Language.GERMAN);

	private final String body = this.writer.write(this.english).textBody();

	@Benchmark
	public Draft textInEnglish() {
		return this.writer.write(this.english);
	}

	@Benchmark
	public Draft textInGerman() {
		return this.writer.write(this.german);
	}

	@Benchmark
	public String htmlPart() {
		return this.html.render(this.body);
	}

	private static DraftRequest request(Language language) {
		return new DraftRequest(FollowUpLevel.MAJOR, "David", "TechFlow", "TF-2024-0847",
				"API rate limiting errors during peak traffic", "API",
				"Rate limits increased 3x for the account; added retry guidance to the client library docs.",
				Duration.ofDays(4).plusHours(3), true, true, 12,
				List.of("a review of your integration with our engineers", "a call to walk through the new limits"),
				"check your API metrics", 7, "Sam Rivera", "+1 (415) 555-0142", "sam@aftercare.example",
				List.of(new OtherTicket("TF-2024-0851", "Webhook retries delayed")), "VP Engineering", language,
				List.of("Our checkout is failing for a third of requests, this is urgent."),
				List.of("Urgent ticket open for over 4 days"), List.of("Escalated to engineering"));
	}

	public static void main(String[] args) throws RunnerException {
		// exec:java runs this in Maven's JVM, the test class path on a loader of its
		// own; the forked benchmark JVM takes java.class.path: hand it that one.
		if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
			System.setProperty("java.class.path",
					Arrays.stream(loader.getURLs())
						.map((url) -> Path.of(URI.create(url.toString())).toString())
						.collect(Collectors.joining(File.pathSeparator)));
		}
		String only = (args.length > 0) ? "." + args[0] : "";
		new Runner(new OptionsBuilder().include(DraftWritingBench.class.getSimpleName() + only).build()).run();
	}

}
