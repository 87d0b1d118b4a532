package io.aftercare.tone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentimentAnalyzerTests {

	private final SentimentAnalyzer analyzer = new SentimentAnalyzer();

	@Test
	void praiseReadsPositiveAndComplaintNegative() {
		assertThat(this.analyzer.score("The new dashboard is great").isPositive()).isTrue();
		assertThat(this.analyzer.score("The sync is broken and the export failed").isNegative()).isTrue();
	}

	@Test
	void emptyTextScoresNothing() {
		assertThat(this.analyzer.score(null)).isEqualTo(Sentiment.NONE);
		assertThat(this.analyzer.score("  ")).isEqualTo(Sentiment.NONE);
	}

}
