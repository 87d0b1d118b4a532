package io.aftercare.reply.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * A message read from a mailbox, as much of it as deciding what it is needs: its
 * Message-ID (or, lacking one, a digest of its bytes), the thread headers, sender,
 * subject, the headers auto-responders set, its text (the plain part, else the HTML part
 * as text), and for a delivery report its status fields and the headers of the message it
 * returns. Parsed with Jakarta Mail from the raw bytes; never trusted beyond that.
 *
 * @param messageId the Message-ID as written, or {@code <sha256.…@digest>} when missing
 * @param inReplyTo the Message-IDs of {@code In-Reply-To}
 * @param references the Message-IDs of {@code References}
 * @param from the sender's address, or {@code null}
 * @param subject the subject, decoded, or {@code ""}
 * @param date the date it says it was sent, or {@code null}
 * @param headers the first value of each header, by lower-case name
 * @param text the readable text
 * @param deliveryStatus the {@code message/delivery-status} part of a report, or
 * {@code null}
 * @param returnedIds Message-IDs found in the returned message or anywhere in the text:
 * where a bounce names the email it returns
 */
public record InboundMail(String messageId, List<String> inReplyTo, List<String> references, String from,
		String subject, Instant date, Map<String, String> headers, String text, String deliveryStatus,
		List<String> returnedIds) {

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,250}@[^<>\\s]{1,250}>");

	// Headers in raw UTF-8 (RFC 6532), as many clients send them, are read as UTF-8.
	private static final Session SESSION = Session.getInstance(utf8Headers());

	private static Properties utf8Headers() {
		Properties properties = new Properties();
		properties.put("mail.mime.allowutf8", "true");
		return properties;
	}

	/** Reads a message from its RFC 5322 bytes. */
	public static InboundMail parse(byte[] raw) {
		try {
			MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
			Map<String, String> headers = new LinkedHashMap<>();
			for (Header header : java.util.Collections.list(message.getAllHeaders())) {
				headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), unfold(header.getValue()));
			}
			String messageId = first(ids(headers.get("message-id")));
			if (messageId == null) {
				messageId = "<sha256." + digest(raw) + "@digest>";
			}
			Parts parts = new Parts();
			parts.walk(message, 0);
			String text = (parts.plain != null) ? parts.plain : (parts.html != null) ? HtmlText.of(parts.html) : "";
			List<String> returned = new ArrayList<>(parts.returnedIds);
			for (String id : ids(text)) {
				if (!returned.contains(id)) {
					returned.add(id);
				}
			}
			return new InboundMail(messageId, ids(headers.get("in-reply-to")), ids(headers.get("references")),
					address(message), decoded(headers.getOrDefault("subject", "")),
					(message.getSentDate() != null) ? message.getSentDate().toInstant() : null, headers,
					text.replace("\r\n", "\n").replace('\r', '\n'), parts.deliveryStatus, List.copyOf(returned));
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalArgumentException("not a readable message: " + ex.getMessage(), ex);
		}
	}

	/** The value of a header, or {@code ""}. */
	public String header(String name) {
		return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
	}

	/** Every Message-ID this message names as the one it answers, nearest first. */
	public List<String> threadIds() {
		List<String> ids = new ArrayList<>(this.inReplyTo);
		List<String> refs = new ArrayList<>(this.references);
		java.util.Collections.reverse(refs);
		refs.stream().filter((id) -> !ids.contains(id)).forEach(ids::add);
		return ids;
	}

	static List<String> ids(String text) {
		List<String> ids = new ArrayList<>();
		if (text == null) {
			return ids;
		}
		Matcher matcher = MESSAGE_ID.matcher(text);
		while (matcher.find()) {
			ids.add(matcher.group());
		}
		return ids;
	}

	private static String first(List<String> ids) {
		return ids.isEmpty() ? null : ids.get(0);
	}

	private static String unfold(String value) {
		return (value == null) ? "" : value.replaceAll("\\r?\\n[ \\t]+", " ").strip();
	}

	private static String decoded(String text) {
		try {
			return MimeUtility.decodeText(text);
		}
		catch (IOException | RuntimeException ex) {
			return text;
		}
	}

	private static String address(MimeMessage message) {
		try {
			var from = message.getFrom();
			if (from != null && from.length > 0 && from[0] instanceof InternetAddress internet) {
				return internet.getAddress();
			}
		}
		catch (MessagingException ex) {
			// an unreadable From is no sender
		}
		return null;
	}

	private static String digest(byte[] raw) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Walks the MIME tree once, keeping the first plain and HTML text and a report. */
	private static final class Parts {

		private static final int MAX_DEPTH = 8;

		private String plain;

		private String html;

		private String deliveryStatus;

		private final List<String> returnedIds = new ArrayList<>();

		void walk(Part part, int depth) throws MessagingException, IOException {
			if (depth > MAX_DEPTH) {
				return;
			}
			String type = part.getContentType().toLowerCase(Locale.ROOT);
			if (type.startsWith("multipart/")) {
				Object content;
				try {
					content = part.getContent();
				}
				catch (MessagingException ex) {
					// A broken multipart (no start boundary): its bytes are still text.
					try (InputStream in = part.getInputStream()) {
						String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
						this.plain = (this.plain == null) ? raw : this.plain;
					}
					catch (MessagingException | IOException unreadable) {
						// nothing to read
					}
					return;
				}
				if (content instanceof Multipart multipart) {
					for (int i = 0; i < multipart.getCount(); i++) {
						BodyPart child = multipart.getBodyPart(i);
						walk(child, depth + 1);
					}
				}
				return;
			}
			if (type.startsWith("message/delivery-status") || type.startsWith("message/global-delivery-status")) {
				this.deliveryStatus = text(part);
				return;
			}
			if (type.startsWith("message/rfc822") || type.startsWith("text/rfc822-headers")
					|| type.startsWith("message/rfc822-headers")) {
				String returned = text(part);
				Matcher header = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)").matcher(returned);
				while (header.find()) {
					this.returnedIds.add(header.group(1).strip());
				}
				return;
			}
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return;
			}
			if (type.startsWith("text/plain") && this.plain == null) {
				this.plain = text(part);
			}
			else if (type.startsWith("text/html") && this.html == null) {
				this.html = text(part);
			}
		}

		private static String text(Part part) throws MessagingException, IOException {
			Object content;
			try {
				content = part.getContent();
			}
			catch (IOException | MessagingException ex) {
				// An unknown charset: read the bytes as UTF-8 rather than lose the part.
				try (InputStream in = part.getInputStream()) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			if (content instanceof String text) {
				return text;
			}
			if (content instanceof MimeMessage nested) {
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
				try {
					nested.writeTo(out);
				}
				catch (IOException | MessagingException ex) {
					// what could be read is enough
				}
				return out.toString(StandardCharsets.UTF_8);
			}
			if (content instanceof InputStream in) {
				try (in) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			return String.valueOf(content);
		}

	}

}
