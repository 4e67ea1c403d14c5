package dev.queuescope;

import dev.queuescope.customers.CustomerAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what, in one table. Stateless: every request carries its bearer token, there is
 * no session and so no CSRF to defend (no cookie authenticates anything).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<CustomerAccounts> accounts, JsonMapper json,
            CorsProperties corsProperties, RateLimitProperties rateLimits, MeterRegistry registry) throws Exception {
        var problems = new ProblemSecurityResponses(json);
        // A module test that leaves the customers module out gets a shop where every caller is anonymous.
        accounts.ifAvailable(customers -> http.addFilterBefore(new BearerTokenFilter(customers, problems),
                AnonymousAuthenticationFilter.class));
        if (rateLimits.enabled()) {
            http.addFilterAfter(new RateLimitFilter(rateLimits, json, registry), AnonymousAuthenticationFilter.class);
        }
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                // Security's default "no-store" on every response would defeat the catalog's ETags. Each
                // endpoint decides; shared caches never store answers to requests with Authorization.
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .cors(cors -> cors.configurationSource(corsSource(corsProperties)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(rules -> rules
                        // Actuator listens on its own port, bound to 127.0.0.1 (application.yaml).
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/customers", "/api/v1/auth/login").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/products/**", "/api/v1/categories/**",
                                "/api/v1/inventory/**").permitAll()
                        .requestMatchers("/api/v1/admin/**", "/api/v1/products/**", "/api/v1/categories/**",
                                "/api/v1/inventory/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/orders/**", "/api/v1/auth/logout").authenticated()
                        .requestMatchers("/v3/api-docs/**", "/error").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    private static CorsConfigurationSource corsSource(CorsProperties properties) {
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", properties.toConfiguration());
        return source;
    }
}
