package io.aftercare.ingestion;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aftercare.customer.CustomerRecord;
import io.aftercare.customer.CustomerTier;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A customer as a connector or a file sends it. {@code owner} is the username of the CSM
 * who owns the customer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A customer, created or updated under source + externalId")
public record IncomingCustomer(@Schema(example = "zendesk") String source, @Schema(example = "org-1") String externalId,
		@Schema(example = "TechFlow") String name,
		@Schema(implementation = CustomerTier.class, description = "case-insensitive") String tier,
		@Schema(example = "180000") BigDecimal arr, Integer employees,
		@Schema(example = "2027-03-31") LocalDate renewalDate,
		@Schema(description = "username of the owning CSM", example = "sam") String owner, Boolean atRisk) {

	String key() {
		return Fields.describe(this.source, this.externalId);
	}

	CustomerRecord toRecord() {
		return new CustomerRecord(Fields.sourceKey(this.source, this.externalId), this.name,
				Fields.choice(CustomerTier.class, "tier", this.tier), this.arr, this.employees, this.renewalDate,
				Fields.blankToNull(this.owner), Boolean.TRUE.equals(this.atRisk));
	}

}
