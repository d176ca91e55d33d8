namespace SaasCrm.Service.Returns;

/// <summary>
/// The fields each entry kind requires, as the retailer's entry rules list them: return/exchange (customer, pickup method,
/// result, responsible department, reason, category, brand, quantity, amount); quick return (name, phone, brand, matter to
/// coordinate, order number, coordinating department, product code); price protection (customer, category, reason, final
/// amount); VIP home refund (the full purchase: name, phone, address, order, product, category, brand, quantity, amount, date).
/// </summary>
public static class ReturnKindRules
{
    public static readonly IReadOnlyDictionary<ReturnKind, string[]> Required = new Dictionary<ReturnKind, string[]>
    {
        [ReturnKind.ReturnExchange] = ["customer", "pickupMethodCode", "resultCode", "departmentId", "reasonCode", "productCategoryCode", "brandCode", "quantity", "amount"],
        [ReturnKind.QuickReturn] = ["customerName", "customerPhone", "brandCode", "coordinationMatter", "orderNumber", "departmentId", "productCode"],
        [ReturnKind.PriceProtection] = ["customer", "departmentId", "productCategoryCode", "reasonCode", "amount"],
        [ReturnKind.VipHomeRefund] = ["customerName", "customerPhone", "address", "orderNumber", "departmentId", "productCode", "productCategoryCode", "brandCode", "quantity", "amount", "purchaseDate"],
    };

    /// <summary>The fields of <paramref name="r"/> its kind requires but that are empty ("customer": a customer record, or a name and a phone).</summary>
    public static IEnumerable<string> Missing(ReturnEntryRequest r)
    {
        foreach (var field in Required[r.Kind])
        {
            var present = field switch
            {
                "customer" => r.CustomerId is not null || (Has(r.CustomerName) && Has(r.CustomerPhone)),
                "customerName" => Has(r.CustomerName),
                "customerPhone" => Has(r.CustomerPhone),
                "address" => Has(r.Address),
                "orderNumber" => Has(r.OrderNumber),
                "productCode" => Has(r.ProductCode),
                "productCategoryCode" => Has(r.ProductCategoryCode),
                "brandCode" => Has(r.BrandCode),
                "pickupMethodCode" => Has(r.PickupMethodCode),
                "resultCode" => Has(r.ResultCode),
                "reasonCode" => Has(r.ReasonCode),
                "coordinationMatter" => Has(r.CoordinationMatter),
                "departmentId" => r.DepartmentId is not null,
                "quantity" => r.Quantity is not null,
                "amount" => r.Amount is not null,
                "purchaseDate" => r.PurchaseDate is not null,
                _ => true,
            };
            if (!present) yield return field;
        }
    }

    /// <summary>The dictionary the reason code comes from: return reasons, or compensation reasons for price protection.</summary>
    public static string ReasonDictionary(ReturnKind kind) =>
        kind == ReturnKind.PriceProtection ? ReturnDictionaries.CompensationReason : ReturnDictionaries.ReturnReason;

    private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);
}
