package com.billingportal.signup;

import com.billingportal.audit.AuditService;
import com.billingportal.portal.CountryList;
import com.billingportal.user.PortalUser;
import com.billingportal.user.User;
import com.billingportal.user.UserService;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** "Create a billing account", reachable from the sign-in page without signing in. */
@Controller
class SignUpController {

	private static final String PAGE = "signup/signup";

	private final SignUpValidator validator;

	private final SignUpService signUps;

	private final UserService users;

	private final AuditService audit;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final CsrfTokenRepository csrfTokens;

	SignUpController(SignUpValidator validator, SignUpService signUps, UserService users, AuditService audit,
			CsrfTokenRepository csrfTokens) {
		this.validator = validator;
		this.signUps = signUps;
		this.users = users;
		this.audit = audit;
		this.csrfTokens = csrfTokens;
	}

	@GetMapping("/signup")
	String form(Model model) {
		return render(model, SignUpForm.empty(), null);
	}

	@PostMapping("/signup")
	String signUp(@ModelAttribute("form") SignUpForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		this.validator.validate(form, result);
		if (result.hasErrors()) {
			return render(model, form.withoutPassword(), result);
		}
		SignUpService.SignedUp signedUp;
		try {
			signedUp = this.signUps.signUp(form);
		}
		catch (DataIntegrityViolationException | IllegalArgumentException ex) {
			// The same email signed up a moment ago, in another request.
			result.rejectValue("email", "signup.email.taken");
			return render(model, form.withoutPassword(), result);
		}
		signIn(signedUp, request, response);
		return "redirect:/billing/accounts/" + signedUp.accountId();
	}

	/**
	 * Signs the new user in, with a new session id (ASVS 3.2.1) and a new CSRF token (the sign-up
	 * form's, kept in a cookie, is deleted; the session gets its own), as the sign-in form would.
	 */
	private void signIn(SignUpService.SignedUp signedUp, HttpServletRequest request, HttpServletResponse response) {
		PortalUser user = this.users.loadUserByUsername(signedUp.email());
		this.csrfTokens.saveToken(null, request, response);
		request.getSession();
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.audit.record(user.actor(), "SIGN_IN", "User", user.id(), null, "after sign-up");
	}

	private static String render(Model model, SignUpForm form, BindingResult errors) {
		BindingResult binding = new BeanPropertyBindingResult(form, "form");
		if (errors != null) {
			binding.addAllErrors(errors);
		}
		model.addAttribute("form", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", binding);
		model.addAttribute("countries", CountryList.options());
		model.addAttribute("currencies", SignUpValidator.CURRENCIES);
		return PAGE;
	}

}
