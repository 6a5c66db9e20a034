package com.billingportal.account.web;

import java.util.Optional;

import com.billingportal.account.AdminInvitations;
import com.billingportal.account.AdminInvitations.OpenInvitation;
import com.billingportal.user.PasswordPolicy;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link an invited billing account admin gets by email: set a password, then sign in. Open to
 * anyone (the link's secret is the proof); a link unknown, used or expired answers 404 with a page
 * that says so. The page sends no referrer, so the secret in its address goes nowhere else.
 */
@Controller
class WelcomeController {

	private static final String PAGE = "account/welcome";

	private final AdminInvitations invitations;

	private final PasswordPolicy passwords;

	WelcomeController(AdminInvitations invitations, PasswordPolicy passwords) {
		this.invitations = invitations;
		this.passwords = passwords;
	}

	@GetMapping("/welcome")
	String form(@RequestParam(name = "token", required = false) String token, Model model,
			HttpServletResponse response) {
		return render(this.invitations.open(token), token, null, model, response);
	}

	@PostMapping("/welcome")
	String setPassword(@RequestParam(name = "token", required = false) String token,
			@RequestParam(name = "password", required = false) String password, Model model,
			HttpServletResponse response) {
		Optional<OpenInvitation> invitation = this.invitations.open(token);
		if (invitation.isEmpty()) {
			return render(invitation, token, null, model, response);
		}
		String problem = this.passwords.problem(password, invitation.get().email());
		if (problem != null) {
			return render(invitation, token, problem, model, response);
		}
		try {
			this.invitations.setPassword(token, password);
		}
		catch (AdminInvitations.LinkNotValid ex) {
			// Used a moment ago, in another request.
			return render(Optional.empty(), token, null, model, response);
		}
		return "redirect:/login?passwordSet";
	}

	private static String render(Optional<OpenInvitation> invitation, String token, String error, Model model,
			HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Cache-Control", "no-store");
		if (invitation.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("email", null);
			return PAGE;
		}
		model.addAttribute("email", invitation.get().email());
		model.addAttribute("token", token);
		model.addAttribute("error", error);
		return PAGE;
	}

}
