package io.aftercare.ingestion;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aftercare.customer.HealthEntry;
import io.aftercare.customer.HealthRecord;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A health score (0 to 100) of a customer at a point in time, from a scoring system
 * ({@code source}, e.g. gainsight). The same customer, time and source again is the same
 * entry.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A health score entry; customer + recordedAt + source identify it")
public record IncomingHealthScore(IncomingKey customer, @Schema(example = "zendesk") String customerSource,
		@Schema(example = "org-1") String customerExternalId, @Schema(example = "72") Integer score,
		@Schema(example = "2026-11-01T00:00:00Z") Instant recordedAt,
		@Schema(description = "the scoring system", example = "gainsight") String source) {

	/** {@code zendesk:org-1/gainsight@2026-11-01T00:00:00Z} */
	String key() {
		String customerKey = Fields.describeCustomer(this.customer, this.customerSource, this.customerExternalId,
				this.source);
		return ((customerKey != null) ? customerKey : "?") + "/" + ((this.source != null) ? this.source : "?") + "@"
				+ ((this.recordedAt != null) ? this.recordedAt : "?");
	}

	HealthRecord toRecord() {
		if (this.score == null) {
			throw new IllegalArgumentException("score is required");
		}
		return new HealthRecord(
				Fields.customer(this.customer, this.customerSource, this.customerExternalId, this.source),
				new HealthEntry(this.score, this.recordedAt, Fields.blankToNull(this.source)));
	}

}
