package io.aftercare.customer;

import java.util.UUID;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.shared.SourceKey;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact's email domain is kept beside its address, whatever its case, and follows the
 * address when it changes: a desk's requester is matched to a customer by it.
 */
@AftercareIntegrationTest
class ContactDomainsIntegrationTests {

	@Autowired
	CustomerRegistry registry;

	@Autowired
	CustomerSignals signals;

	@Test
	void aRequesterIsMatchedByTheDomainOfTheContactsCurrentAddress() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String domain = "acme-" + run + ".example";
		CustomerId acme = customer("Acme " + run);
		SourceKey contact = new SourceKey("crm", "pat-" + run);
		this.registry.upsert(new ContactRecord(contact, this.registry.keyOf(acme).orElseThrow(), "Pat Lee",
				"Pat.Lee@" + domain.toUpperCase(java.util.Locale.ROOT), "Ops lead", true, null));

		assertThat(this.registry.customersWithContactsAt(domain, 2)).containsExactly(acme);
		assertThat(this.registry.customersWithContactsAt("cme-" + run + ".example", 2)).as("a whole domain only")
			.isEmpty();

		CustomerId other = customer("Other " + run);
		this.registry.upsert(new ContactRecord(new SourceKey("crm", "kim-" + run),
				this.registry.keyOf(other).orElseThrow(), "Kim Park", "kim@" + domain, "CTO", true, null));
		assertThat(this.registry.customersWithContactsAt(domain, 2)).as("shared by two customers: no single match")
			.containsExactlyInAnyOrder(acme, other);

		String moved = "moved-" + run + ".example";
		this.registry.upsert(new ContactRecord(contact, this.registry.keyOf(acme).orElseThrow(), "Pat Lee",
				"pat@" + moved, "Ops lead", true, null));
		assertThat(this.registry.customersWithContactsAt(domain, 2)).containsExactly(other);
		assertThat(this.registry.customersWithContactsAt(moved, 2)).containsExactly(acme);
	}

	@Test
	void aHardBounceMarksTheAddressWhateverItsCase() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		CustomerId customer = customer("Bounce " + run);
		this.registry
			.upsert(new ContactRecord(new SourceKey("crm", "lee-" + run), this.registry.keyOf(customer).orElseThrow(),
					"Lee Wong", "Lee.Wong@Bounce-" + run + ".example", "Ops lead", true, null));

		assertThat(this.signals.markAddressSuspect("lee.wong@bounce-" + run + ".EXAMPLE", "550 5.1.1 User unknown"))
			.isEqualTo(1);
		assertThat(this.signals.bounce(customer, "LEE.WONG@bounce-" + run + ".example"))
			.map(CustomerSignals.AddressBounce::reason)
			.contains("550 5.1.1 User unknown");
	}

	private CustomerId customer(String name) {
		return this.registry
			.upsert(new CustomerRecord(new SourceKey("domain-test", UUID.randomUUID().toString()), name,
					CustomerTier.SMB, null, null, null, null, false))
			.id();
	}

}
