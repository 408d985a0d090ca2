package com.civilsafety.api.security;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.people.PeopleService;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * A Keycloak access token as the person it stands for: {@code preferred_username}, the realm roles of
 * shared/docs/design.md, the {@code region} claim (区划代码) as the data scope and, for institution users, the
 * {@code institution} claim (机构编码). A token without a known region is refused (401), never given a wider scope.
 */
@Component
@ConditionalOnProperty(name = SecurityConfiguration.MODE, havingValue = "keycloak")
class KeycloakActors implements Converter<Jwt, AbstractAuthenticationToken> {
    private final PeopleService people;

    KeycloakActors(PeopleService people) {
        this.people = people;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username");
        if (username == null || username.isBlank()) {
            throw new InvalidBearerTokenException("令牌缺少用户名");
        }
        Actor actor;
        try {
            actor = people.signedIn(username, displayName(jwt, username), roles(jwt), jwt.getClaimAsString("region"),
                    jwt.getClaimAsString("institution"), jwt.getClaimAsString("organisation"), jwt.getClaimAsString("section"));
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("令牌中的行政区划或机构无效", e);
        }
        return new Signed(new ActorUser(actor, null, true), jwt);
    }

    /** 姓名 as Chinese writes it: family name, then given name. */
    private static String displayName(Jwt jwt, String username) {
        String family = jwt.getClaimAsString("family_name");
        String given = jwt.getClaimAsString("given_name");
        if (family != null && given != null) {
            return family + given;
        }
        String name = jwt.getClaimAsString("name");
        return name != null ? name : username;
    }

    private static Set<Role> roles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        Object names = realmAccess == null ? null : realmAccess.get("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names instanceof Collection<?> list) {
            for (Object name : list) {
                Arrays.stream(Role.values()).filter(r -> r.code().equals(name)).forEach(roles::add);
            }
        }
        return roles;
    }

    /** An authenticated request: the person as principal, the token as credentials. */
    static final class Signed extends AbstractAuthenticationToken {
        private final ActorUser user;
        private final Jwt jwt;

        Signed(ActorUser user, Jwt jwt) {
            super(List.copyOf(user.getAuthorities()));
            this.user = user;
            this.jwt = jwt;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return jwt;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }
    }
}
