package io.aftercare.chat.web;

import java.util.List;

/**
 * A follow-up in the side panel: whose, what, and where its email is.
 */
public record DeliveryRow(long id, String customerName, String subject, String status, String line, boolean onItsWay) {

	static boolean anyOnItsWay(List<DeliveryRow> rows) {
		return rows.stream().anyMatch(DeliveryRow::onItsWay);
	}

}
