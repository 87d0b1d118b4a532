package io.aftercare.ingestion;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aftercare.customer.ContactRecord;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A contact person of a customer. The customer is named as {@code customer} or, flat, as
 * {@code customerExternalId} (with {@code customerSource} when it differs from the
 * contact's own source).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A contact of a customer, created or updated under source + externalId")
public record IncomingContact(@Schema(example = "zendesk") String source, @Schema(example = "user-7") String externalId,
		IncomingKey customer, String customerSource, @Schema(example = "org-1") String customerExternalId,
		@Schema(example = "Dana Reyes") String name, @Schema(example = "dana@techflow.example") String email,
		@Schema(example = "VP Engineering") String role, Boolean primary,
		@Schema(example = "America/New_York") String timeZone,
		@Schema(example = "de-DE", description = "The contact's language or locale, if known: "
				+ "follow-ups are written in it") String language) {

	public IncomingContact(String source, String externalId, IncomingKey customer, String customerSource,
			String customerExternalId, String name, String email, String role, Boolean primary, String timeZone) {
		this(source, externalId, customer, customerSource, customerExternalId, name, email, role, primary, timeZone,
				null);
	}

	String key() {
		return Fields.describe(this.source, this.externalId);
	}

	ContactRecord toRecord() {
		return new ContactRecord(Fields.sourceKey(this.source, this.externalId),
				Fields.customer(this.customer, this.customerSource, this.customerExternalId, this.source), this.name,
				this.email, Fields.blankToNull(this.role), Boolean.TRUE.equals(this.primary),
				Fields.blankToNull(this.timeZone), Fields.blankToNull(this.language));
	}

}
