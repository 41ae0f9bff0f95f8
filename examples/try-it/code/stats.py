def average(values):
    # Calcula la media de una lista de números.
    # Devuelve cero si la lista está vacía, para no dividir entre cero.
    if not values:
        return 0
    return sum(values) / len(values)  # la suma dividida por la cantidad


def median(values):
    """Devuelve la mediana: el valor central de la lista ordenada."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
