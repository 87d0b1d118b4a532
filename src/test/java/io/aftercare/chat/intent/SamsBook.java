package io.aftercare.chat.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sam's book of business in the demo workspace, with its contacts, as the parser sees it.
 */
final class SamsBook {

	private static final Map<String, List<String>> CUSTOMERS = new java.util.LinkedHashMap<>();

	static {
		CUSTOMERS.put("TechFlow", List.of("David Park", "Maria Gonzalez", "Priya Shah"));
		CUSTOMERS.put("Acme Corp", List.of("Jordan Miles", "Rachel Kim", "Tom Becker"));
		CUSTOMERS.put("Techline Systems", List.of("Ben Okafor", "Sofia Lind"));
		CUSTOMERS.put("Northwind Traders", List.of("Hannah Weiss"));
		CUSTOMERS.put("Brightside Dental", List.of("Emily Ross", "Kevin Marsh"));
		CUSTOMERS.put("Pinnacle Logistics", List.of("Grace Thompson", "Raj Malhotra", "Luis Herrera", "Anna Kowalski"));
		CUSTOMERS.put("Harbor Credit Union", List.of("Michael O'Brien", "Sarah Nguyen"));
		CUSTOMERS.put("Greenleaf Organics", List.of("Oscar Reyes"));
		CUSTOMERS.put("Summit Health Partners", List.of("Linda Carter", "James Wu", "Fatima Hassan"));
		CUSTOMERS.put("Orbit Media", List.of("Zoe Adams", "Ian Fraser"));
		CUSTOMERS.put("Cobalt Manufacturing", List.of("Peter Novak", "Elena Rossi"));
		CUSTOMERS.put("Riverbend School District", List.of("Carla Jensen", "Mark Sullivan"));
		CUSTOMERS.put("Lumen Analytics", List.of("Nora Ellis", "Kai Nakamura"));
		CUSTOMERS.put("Maple & Co Bakery", List.of("Olivia Brooks"));
		CUSTOMERS.put("Vertex Financial", List.of("Ruth Adler", "Daniel Cho"));
		CUSTOMERS.put("Cedar Hill Hospitality", List.of("Isabel Moreno", "George Papadopoulos"));
	}

	private SamsBook() {
	}

	static Book book() {
		List<CustomerName> customers = new ArrayList<>();
		List<ContactName> contacts = new ArrayList<>();
		long customerId = 1;
		long contactId = 100;
		for (Map.Entry<String, List<String>> customer : CUSTOMERS.entrySet()) {
			customers.add(new CustomerName(customerId, customer.getKey()));
			for (String contact : customer.getValue()) {
				contacts.add(new ContactName(contactId++, customerId, contact));
			}
			customerId++;
		}
		return Book.of(customers, contacts);
	}

}
