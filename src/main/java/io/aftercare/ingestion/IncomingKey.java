package io.aftercare.ingestion;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Names another record by its source key, e.g.
 * {@code {"source":"zendesk","externalId":"org-1"}}. The source may be left out; it is
 * then the source of the record that names it. A plain string is read as the external id.
 */
@Schema(description = "Names another record by its source key; source defaults to the naming record's source")
public record IncomingKey(String source, String externalId) {

	@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
	public IncomingKey {
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static IncomingKey externalId(String externalId) {
		return new IncomingKey(null, externalId);
	}

}
