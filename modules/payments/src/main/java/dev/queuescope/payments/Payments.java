package dev.queuescope.payments;

import dev.queuescope.payments.internal.ChargeRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The payments module's API: what became of an order's charge. */
@Service
public class Payments {

    private final ChargeRepository charges;

    Payments(ChargeRepository charges) {
        this.charges = charges;
    }

    @Transactional(readOnly = true)
    public Optional<Charge> chargeOf(long orderId) {
        return charges.find(orderId);
    }
}
