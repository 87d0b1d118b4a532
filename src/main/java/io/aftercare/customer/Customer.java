package io.aftercare.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer account as a CSM sees it. {@code healthScore} is the latest recorded score,
 * or {@code null} when none was recorded.
 */
public record Customer(CustomerId id, String name, CustomerTier tier, BigDecimal arr, Integer employees,
		LocalDate renewalDate, String ownerUsername, boolean atRisk, Integer healthScore) {

}
