package io.aftercare.chat.intent;

import java.util.List;
import java.util.Set;

/**
 * The words the parser knows: the words of requests (verbs, nouns of the chat's things),
 * the words that say nothing about which ticket, pronouns for the customer in view, and
 * legal suffixes of company names. A known word is never taken for part of a customer's
 * name by a forgiving match, and never kept as a word describing a ticket.
 */
final class Vocabulary {

	/** Words of requests: what the CSM asks for, not whom or which ticket. */
	static final Set<String> REQUEST = Set.of("follow", "following", "followed", "followups", "up", "check", "checking",
			"checked", "in", "reach", "reaching", "reached", "out", "touch", "base", "write", "writing", "wrote",
			"email", "emailed", "draft", "drafts", "drafting", "contact", "contacted", "ping", "reengage", "engage",
			"reconnect", "circle", "back", "drop", "line", "shoot", "compose", "prepare", "prep", "send", "sent",
			"note", "message", "mail", "letter", "show", "list", "see", "view", "find", "display", "pull", "give",
			"get", "recent", "latest", "newest", "tickets", "ticket", "issues", "cases", "history", "remind",
			"reminder", "reminders", "waiting", "due", "help", "discard", "edit", "approve", "again", "open", "opened",
			"raise", "raised", "file", "filed", "log", "logged", "submit", "submitted", "post");

	/** Words that say nothing about which ticket is meant. */
	static final Set<String> FILLER = Set.of("a", "an", "the", "on", "about", "re", "regarding", "concerning", "for",
			"after", "over", "with", "to", "of", "at", "by", "from", "and", "or", "but", "as", "into", "their", "they",
			"them", "theirs", "its", "it", "his", "her", "him", "our", "my", "your", "this", "that", "these", "those",
			"was", "were", "is", "are", "be", "been", "being", "had", "has", "have", "having", "some", "any", "just",
			"please", "recently", "lately", "last", "resolved", "closed", "fixed", "fix", "fixes", "solved", "sorted",
			"done", "issue", "problem", "problems", "bug", "bugs", "support", "case", "request", "one", "ones", "no",
			"number", "num", "nr", "i", "me", "we", "us", "you", "u", "can", "could", "would", "will", "should",
			"shall", "may", "might", "must", "need", "needs", "want", "wanna", "like", "lets", "let", "s", "d", "ll",
			"quick", "quickly", "hi", "hey", "hello", "ok", "okay", "so", "now", "then", "also", "yes", "yeah", "sure",
			"thanks", "thank", "thx", "team", "folks", "people", "guys", "asap", "today", "soon", "something",
			"anything", "thing", "question", "did", "does", "do", "got", "gets", "go", "went", "new", "other", "same",
			"what", "which", "who", "how", "why", "when", "where", "there", "here", "all", "really", "still", "yet",
			"already", "lemme", "gimme", "pls", "kindly", "maybe", "real", "bit", "little", "too", "time", "week",
			"month", "day", "days", "weeks", "months", "am", "im", "ive", "id", "going", "gonna", "instead", "not",
			"dont", "happening", "happened", "happen", "meant", "mean", "wrong", "yours", "mine", "more", "less",
			"very", "much", "else", "everything", "fine", "good", "great", "perfect", "look", "looks", "idea", "plan",
			"yo", "whip", "nah", "nope", "customer", "customers", "client", "know", "stuff");

	/**
	 * Words that ask for a follow-up: consumed by the request, never describing a ticket.
	 */
	static final Set<String> FOLLOW_UP_WORDS = Set.of("follow", "following", "followed", "up", "check", "checking",
			"in", "reach", "reaching", "out", "touch", "base", "write", "writing", "email", "draft", "drafting",
			"contact", "ping", "reengage", "engage", "reconnect", "circle", "back", "drop", "line", "shoot", "compose",
			"prepare", "prep", "send", "sending", "note", "message", "mail", "letter", "get", "post");

	/** Words that never describe which ticket. */
	static final Set<String> NEVER_DESCRIBING = Set.of("ticket", "tickets", "again", "issues", "cases", "recent",
			"latest", "newest", "followups", "help");

	/** Words by which a CSM points at the customer the conversation is about. */
	static final Set<String> PRONOUNS = Set.of("them", "their", "theirs", "they", "him", "her", "his");

	static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "incorporated", "llc", "llp", "ltd", "limited", "corp",
			"corporation", "co", "company", "gmbh", "plc", "ag");

	/**
	 * The request words a typo is corrected into. Never "send", "discard" or "approve":
	 * those act, and only a word typed right acts.
	 */
	static final List<String> CORRECTABLE = List.of("follow", "following", "followups", "check", "reach", "out",
			"touch", "write", "email", "draft", "drafts", "contact", "reengage", "reconnect", "show", "list", "recent",
			"latest", "tickets", "ticket", "remind", "reminder", "reminders", "waiting", "circle");

	private Vocabulary() {
	}

	/**
	 * Whether the word is a word of requests or fillers: not a name, not a description.
	 */
	static boolean isKnown(String word) {
		return REQUEST.contains(word) || FILLER.contains(word) || PRONOUNS.contains(word);
	}

}
