document.getElementById('app')!.textContent = 'Pacer';
